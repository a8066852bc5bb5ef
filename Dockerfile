# Settle in one image: API, web app and job worker (`settle start`), or `settle worker` / `settle migrate`.
#   docker build -t settle .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install` against the committed lockfile, not `npm ci`: see docs/decisions/0004. Lifecycle scripts
# need the sources, which are not copied yet; the web app is built explicitly below.
RUN npm install --ignore-scripts --no-audit --no-fund
COPY . .
RUN sh scripts/build.sh

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/settle
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# The server runs as the compiled bundle (dist/server); bin/settle.js falls back to the sources through tsx
# only in a checkout whose sources are newer than its bundle, and the image ships no sources.
COPY bin ./bin
COPY migrations ./migrations
COPY --from=build /app/dist/server ./dist/server
COPY --from=build /app/dist/web ./dist/web
# DATA_DIR holds the embedded database when DATABASE_URL is not set; mount a volume there.
RUN mkdir -p /var/lib/settle && chown node:node /var/lib/settle && chmod 0700 /var/lib/settle
USER node
EXPOSE 3000
VOLUME ["/var/lib/settle"]
# Ready means the database answers and has every migration this version ships (GET /ready).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/settle.js", "start"]
