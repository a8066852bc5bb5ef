#!/bin/sh
# Builds what `settle start` serves and runs: the web app (dist/web) and the server bundle (dist/server).
# Arguments (--if-changed) are passed to both.
set -eu
cd "$(dirname "$0")/.."
sh scripts/build-web.sh "$@"
node scripts/build-server.mjs "$@"
