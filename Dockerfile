# One image for every AITrader process (the compose file picks the entry point per service): Node 20,
# the workspace's dependencies, the napi-rs pattern core built with Rust, and the generated Prisma client.
FROM node:20-bookworm AS build
RUN curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
ENV PATH="/root/.cargo/bin:${PATH}"
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund \
 && npm run build:native \
 && npm run prisma:generate

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production LOG_FORMAT=json HOST=0.0.0.0
CMD ["node_modules/.bin/tsx", "gateway/src/main.ts"]
