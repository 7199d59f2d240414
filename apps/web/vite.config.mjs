// Vite builds the staff web app into dist/web (tools/build.mjs runs it; `npx vite --config
// apps/web/vite.config.mjs` serves it for development, proxying the API to a running service).
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Every browser the city's staff use reads WOFF2: Fontsource's WOFF fallbacks would only double
 * dist/web. A PostCSS plugin runs after the @imports are inlined and before Vite emits the urls.
 */
const woff2Only = {
  postcssPlugin: 'kensho-woff2-only',
  AtRule: {
    'font-face': (rule) => {
      rule.walkDecls('src', (decl) => {
        decl.value = decl.value.replace(/,\s*url\([^)]*\.woff\)\s*format\(["']woff["']\)/g, '');
      });
    },
  },
};

/** @type {import('vite').UserConfig} */
export default {
  root,
  base: '/',
  css: { postcss: { plugins: [woff2Only] } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Every asset a file of its own under /assets: no data: URLs, so the CSP stays 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/public': 'http://localhost:3000', '/docs': 'http://localhost:3000' },
  },
};
