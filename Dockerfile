# syntax=docker/dockerfile:1
# Images of Alliance, built by docker-compose.yml:
#   --target server  the `alliance` binary with the built web client (serves both on :8080); default
#   --target web     nginx with the same built client, proxying /graphql to the server
# Both share the two build stages below.

# --- The web client (frontend/dist) ---------------------------------------------------------------
FROM node:20-bookworm-slim AS web-build
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY frontend/ ./
# Codegen reads the committed contract from ../schema.graphql.
COPY schema.graphql /src/schema.graphql
RUN npm run build

# --- The server binary ----------------------------------------------------------------------------
FROM rust:1-slim-bookworm AS rust-build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY crates crates
COPY migrations migrations
COPY tests/api tests/api
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    --mount=type=cache,target=/src/target \
    cargo build --profile lean --locked -p alliance-server \
    && install -m 0755 target/lean/alliance /usr/local/bin/alliance

# --- Runtime: the web client behind nginx ---------------------------------------------------------
FROM nginx:stable-bookworm AS web
COPY frontend/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=web-build /src/frontend/dist /usr/share/nginx/html
EXPOSE 80

# --- Runtime: the server (the default target, last) -----------------------------------------------
FROM debian:bookworm-slim AS server
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin alliance
WORKDIR /app
COPY --from=rust-build /usr/local/bin/alliance /usr/local/bin/alliance
COPY --from=web-build /src/frontend/dist /app/web
# Uploaded photos and files (a volume in docker-compose.yml), writable by the server's user.
RUN mkdir -p /app/data/media && chown -R alliance /app/data
ENV ALLIANCE_LISTEN=0.0.0.0:8080 \
    ALLIANCE_WEB_DIST=/app/web \
    ALLIANCE_MEDIA_DIR=/app/data/media
USER alliance
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=6 \
    CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
CMD ["alliance", "serve"]

