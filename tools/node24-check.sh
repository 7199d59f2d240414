#!/usr/bin/env bash
# The active LTS line, beside the Node 20 the suite runs on: the unit tests and a start-up smoke
# test (the built service answers /health on a fresh database, then stops on SIGTERM) on Node 24,
# from the npm registry's `node` package installed outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${NODE24_PREFIX:-/tmp/kensho-node24}"
if [ ! -x "$prefix/node_modules/.bin/node" ]; then
  mkdir -p "$prefix"
  [ -f "$prefix/package.json" ] || echo '{"name":"kensho-node24","private":true}' > "$prefix/package.json"
  (cd "$prefix" && npm install --no-audit --no-fund --loglevel=error node@24 >/dev/null)
fi
node24="$prefix/node_modules/.bin/node"
echo "== $("$node24" --version): unit tests"
"$node24" --no-warnings --experimental-vm-modules node_modules/jest/bin/jest.js --testPathPattern 'unit\.spec' --silent 2>&1 | tail -n 5

echo "== $("$node24" --version): start-up smoke test"
npm run -s build
db="kensho_node24_$$"
server="${DATABASE_URL:?DATABASE_URL must name a PostgreSQL server}"
admin="${server%/*}/postgres"
psql "$admin" -qc "CREATE DATABASE $db" >/dev/null
port=$((20000 + RANDOM % 20000))
log="$(mktemp)"
DATABASE_URL="${server%/*}/$db" PORT="$port" "$node24" dist/apps/api/src/main.js >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true; rm -f "$log"; }
trap cleanup EXIT
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; echo "error: the service exited on Node 24" >&2; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health"; echo
kill -TERM "$pid"
wait "$pid" || { status=$?; [ "$status" -eq 143 ] || { cat "$log" >&2; echo "error: exit status $status after SIGTERM" >&2; exit 1; }; }
echo "Node 24: unit tests passed, the service started, answered /health and stopped"
