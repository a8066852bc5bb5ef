#!/bin/sh
# Builds the web app into dist/web. With --if-changed it builds only when dist/web is missing or older than
# a source it is built from, so `npm start` and `npm install` skip the build when nothing changed.
set -eu
cd "$(dirname "$0")/.."

stamp=dist/web/index.html
if [ "${1:-}" = "--if-changed" ] && [ -f "$stamp" ]; then
  newer=$(find web vite.config.ts package-lock.json -newer "$stamp" -print 2>/dev/null | head -n 1)
  [ -z "$newer" ] && exit 0
fi

if [ ! -f node_modules/vite/bin/vite.js ]; then
  # An install without devDependencies serves whatever dist/web it was given.
  [ -f "$stamp" ] || echo "The web app is not built and vite is not installed: run npm install, then npm run build:web." >&2
  exit 0
fi
echo "Building the web app…" >&2
exec node node_modules/vite/bin/vite.js build --logLevel warn
