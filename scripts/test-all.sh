#!/usr/bin/env bash
# The whole test suite on this machine: lint, types, schema drift, unit/domain/HTTP tests on PGlite and on
# PostgreSQL, then the browser journeys. Installs Debian's Chromium and starts PostgreSQL when it can (root).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { [ "$(id -u)" = 0 ]; }

if [ ! -x /usr/bin/chromium ]; then
  as_root || { echo "Browser tests need Debian's chromium: sudo apt-get install -y chromium" >&2; exit 1; }
  echo "Installing Debian's chromium…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if ! command -v pdftotext >/dev/null; then
  as_root || { echo "PDF tests need Debian's poppler-utils: sudo apt-get install -y poppler-utils" >&2; exit 1; }
  echo "Installing Debian's poppler-utils (pdftotext)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

if [ -z "${TEST_DATABASE_URL:-}" ] && as_root; then
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "Installing Debian's PostgreSQL…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  version=$(pg_lsclusters -h | awk 'NR==1{print $1}')
  pg_ctlcluster "${version:-15}" main start 2>/dev/null || true
  for _ in $(seq 1 30); do runuser -u postgres -- pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  runuser -u postgres -- psql -qc "ALTER USER postgres PASSWORD 'postgres'"
  runuser -u postgres -- createdb settle_test 2>/dev/null || true
  export TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/settle_test
fi

echo "== lint, types, migrations in step with the schema"
npm run --silent lint
npm run --silent typecheck
npm run --silent db:check
npm run --silent api-types:check

echo "== unit, domain and HTTP tests"
npm test

echo "== browser journeys (Chromium)"
npm run --silent test:e2e
echo "All test suites passed."
