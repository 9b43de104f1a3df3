# syntax=docker/dockerfile:1
# Multi-stage build on Node 24 LTS: build the client with dev dependencies, ship production
# dependencies only, run as a non-root user, migrate at boot, health-checked.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=5000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json tsconfig.json ./
COPY --chown=node:node server ./server
COPY --chown=node:node shared ./shared
COPY --chown=node:node migrations ./migrations
# Uploaded files (UPLOADS_DIR); mount a volume here, or point UPLOADS_DIR at one.
RUN mkdir -p /app/.data/uploads && chown -R node:node /app/.data
VOLUME ["/app/.data/uploads"]
USER node
EXPOSE 5000
# Migrations run at boot under an advisory lock, so several replicas may start together.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||5000)+'/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--import", "tsx", "server/index.ts"]
