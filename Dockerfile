# syntax=docker/dockerfile:1
# One image per service of the platform, all from this file; PACKAGE names the service:
#   docker build --build-arg PACKAGE=@etablerer/gateway  -t etablerer/gateway .
#   docker build --build-arg PACKAGE=@etablerer/county   -t etablerer/county .
#   docker build --build-arg PACKAGE=@etablerer/regions  -t etablerer/regions .
#   docker build --build-arg PACKAGE=@etablerer/partners -t etablerer/partners .
# Each package's `build` script writes its dist/ (the service starts with `node dist/index.js`, a
# subgraph's command-line tasks are `node dist/cli.js migrate|seed|retention`); see docs/operations.md.

ARG NODE_IMAGE=node:20.19-bookworm-slim

# ---- build: the whole workspace, then only the one service and its production dependencies ----
FROM ${NODE_IMAGE} AS build
RUN npm install --global pnpm@12.4.2
WORKDIR /workspace
# The lockfile and the manifests first, so the dependency layer is reused until one of them changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY gateway/package.json gateway/
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/county/package.json subgraphs/county/
COPY subgraphs/regions/package.json subgraphs/regions/
COPY subgraphs/partners/package.json subgraphs/partners/
COPY admin-ui/package.json admin-ui/
COPY tools/identity-provider/package.json tools/identity-provider/
COPY tools/mail-catcher/package.json tools/mail-catcher/
COPY tools/stack/package.json tools/stack/
COPY test/package.json test/
RUN pnpm fetch --frozen-lockfile
COPY . .
RUN pnpm install --frozen-lockfile --offline
ARG PACKAGE
RUN test -n "${PACKAGE}" || (echo 'Name the service: --build-arg PACKAGE=@etablerer/<gateway|county|regions|partners>' >&2; exit 1)
# The service and every workspace package it depends on (the kit).
RUN pnpm --filter "${PACKAGE}..." run build
# A self-contained folder: the package's `files` (its dist/) and production dependencies only, the
# kit among them with its dist/ and data/ (no sources, tests or development entry points).
RUN pnpm --filter "${PACKAGE}" deploy --prod /service
# The gateway serves the built console on its own origin (CONSOLE_DIR): built here, carried beside it.
RUN if [ "${PACKAGE}" = "@etablerer/gateway" ]; then \
      pnpm --filter @etablerer/admin-ui run build && cp -R admin-ui/dist /service/console; \
    fi

# ---- runtime: no compiler, no pnpm, no sources beyond what the service runs ----
FROM ${NODE_IMAGE} AS runtime
# CONSOLE_DIR is the gateway's (its image holds /service/console); the subgraphs ignore it.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    INTERNAL_HOST=0.0.0.0 \
    INTERNAL_PORT=9090 \
    CONSOLE_DIR=/service/console
WORKDIR /service
# Owned by root and only readable by the service's user: the process cannot change its own code.
COPY --from=build /service ./
# The node image's unprivileged user (uid 1000).
USER node
# 8080 is the public port; 9090 the internal one (/metrics, /health/ready), never published to the Internet.
EXPOSE 8080 9090
# Ready: the service takes traffic (a subgraph's database answers). Compose waits on it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.INTERNAL_PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node as PID 1 receives SIGTERM itself: each service stops gracefully on it (docs/operations.md).
CMD ["node", "dist/index.js"]
