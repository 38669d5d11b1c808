-- CreateEnum
CREATE TYPE "order_side" AS ENUM ('BUY', 'SELL');

-- CreateEnum
CREATE TYPE "order_type" AS ENUM ('MARKET', 'LIMIT');

-- CreateEnum
CREATE TYPE "order_status" AS ENUM ('NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED');

-- CreateEnum
CREATE TYPE "decision_action" AS ENUM ('BUY', 'SELL', 'HOLD');

-- CreateEnum
CREATE TYPE "sentiment_label" AS ENUM ('POSITIVE', 'NEGATIVE', 'NEUTRAL');

-- CreateEnum
CREATE TYPE "model_status" AS ENUM ('TRAINING', 'READY', 'PROMOTED', 'RETIRED');

-- CreateEnum
CREATE TYPE "job_status" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELED');

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "cash" DECIMAL(24,10) NOT NULL,
    "starting_cash" DECIMAL(24,10) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "positions" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "quantity" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "average_price" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "realized_pnl" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "positions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "equity_snapshots" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "cash" DECIMAL(24,10) NOT NULL,
    "equity" DECIMAL(24,10) NOT NULL,

    CONSTRAINT "equity_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instruments" (
    "symbol" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "asset_class" TEXT NOT NULL,
    "tick_size" DECIMAL(24,10) NOT NULL,
    "lot_size" DECIMAL(24,10) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "instruments_pkey" PRIMARY KEY ("symbol")
);

-- CreateTable
CREATE TABLE "candles" (
    "id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "interval" TEXT NOT NULL,
    "open_time" TIMESTAMPTZ(3) NOT NULL,
    "open" DECIMAL(24,10) NOT NULL,
    "high" DECIMAL(24,10) NOT NULL,
    "low" DECIMAL(24,10) NOT NULL,
    "close" DECIMAL(24,10) NOT NULL,
    "volume" DECIMAL(24,10) NOT NULL,
    "trade_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "candles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signals" (
    "id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "detector" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "features" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "strategies" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "config" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "strategies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "strategy_decisions" (
    "id" TEXT NOT NULL,
    "strategy_id" TEXT,
    "signal_id" TEXT,
    "symbol" TEXT NOT NULL,
    "action" "decision_action" NOT NULL,
    "combined_score" DOUBLE PRECISION NOT NULL,
    "quantity" DECIMAL(24,10) NOT NULL,
    "factors" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "risk_rejected" BOOLEAN NOT NULL DEFAULT false,
    "risk_reason" TEXT,
    "client_order_id" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "strategy_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "client_order_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "side" "order_side" NOT NULL,
    "type" "order_type" NOT NULL,
    "status" "order_status" NOT NULL DEFAULT 'NEW',
    "quantity" DECIMAL(24,10) NOT NULL,
    "limit_price" DECIMAL(24,10),
    "filled_quantity" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "average_fill_price" DECIMAL(24,10),
    "reject_reason" TEXT,
    "strategy" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fills" (
    "id" TEXT NOT NULL,
    "trade_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "side" "order_side" NOT NULL,
    "quantity" DECIMAL(24,10) NOT NULL,
    "price" DECIMAL(24,10) NOT NULL,
    "fee" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "liquidity" TEXT,
    "executed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fills_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "executions" (
    "id" TEXT NOT NULL,
    "fill_id" TEXT,
    "order_id" TEXT NOT NULL,
    "trade_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "side" "order_side" NOT NULL,
    "quantity" DECIMAL(24,10) NOT NULL,
    "price" DECIMAL(24,10) NOT NULL,
    "fee" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "notional" DECIMAL(24,10) NOT NULL,
    "strategy" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "executions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "news_items" (
    "id" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "url" TEXT,
    "symbols" TEXT[],
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "content_hash" TEXT NOT NULL,

    CONSTRAINT "news_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sentiment_scores" (
    "id" TEXT NOT NULL,
    "news_item_id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "label" "sentiment_label" NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "model" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sentiment_scores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_versions" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "metrics" JSONB NOT NULL,
    "status" "model_status" NOT NULL DEFAULT 'TRAINING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "promoted_at" TIMESTAMPTZ(3),

    CONSTRAINT "model_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" "job_status" NOT NULL DEFAULT 'QUEUED',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "payload" JSONB NOT NULL,
    "result" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "positions_account_id_symbol_key" ON "positions"("account_id", "symbol");

-- CreateIndex
CREATE INDEX "equity_snapshots_account_id_at_idx" ON "equity_snapshots"("account_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "candles_symbol_interval_open_time_key" ON "candles"("symbol", "interval", "open_time");

-- CreateIndex
CREATE INDEX "signals_symbol_timestamp_idx" ON "signals"("symbol", "timestamp");

-- CreateIndex
CREATE UNIQUE INDEX "strategies_name_key" ON "strategies"("name");

-- CreateIndex
CREATE INDEX "strategy_decisions_symbol_decided_at_idx" ON "strategy_decisions"("symbol", "decided_at");

-- CreateIndex
CREATE INDEX "orders_symbol_created_at_idx" ON "orders"("symbol", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "orders_account_id_client_order_id_key" ON "orders"("account_id", "client_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "fills_trade_id_key" ON "fills"("trade_id");

-- CreateIndex
CREATE INDEX "fills_order_id_idx" ON "fills"("order_id");

-- CreateIndex
CREATE INDEX "fills_account_id_executed_at_idx" ON "fills"("account_id", "executed_at");

-- CreateIndex
CREATE UNIQUE INDEX "executions_fill_id_key" ON "executions"("fill_id");

-- CreateIndex
CREATE INDEX "executions_symbol_created_at_idx" ON "executions"("symbol", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "news_items_content_hash_key" ON "news_items"("content_hash");

-- CreateIndex
CREATE INDEX "news_items_published_at_idx" ON "news_items"("published_at");

-- CreateIndex
CREATE INDEX "sentiment_scores_symbol_created_at_idx" ON "sentiment_scores"("symbol", "created_at");

-- CreateIndex
CREATE INDEX "sentiment_scores_news_item_id_idx" ON "sentiment_scores"("news_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "model_versions_name_version_key" ON "model_versions"("name", "version");

-- CreateIndex
CREATE INDEX "jobs_status_created_at_idx" ON "jobs"("status", "created_at");

-- AddForeignKey
ALTER TABLE "positions" ADD CONSTRAINT "positions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equity_snapshots" ADD CONSTRAINT "equity_snapshots_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_decisions" ADD CONSTRAINT "strategy_decisions_strategy_id_fkey" FOREIGN KEY ("strategy_id") REFERENCES "strategies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_decisions" ADD CONSTRAINT "strategy_decisions_signal_id_fkey" FOREIGN KEY ("signal_id") REFERENCES "signals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fills" ADD CONSTRAINT "fills_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fills" ADD CONSTRAINT "fills_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "executions" ADD CONSTRAINT "executions_fill_id_fkey" FOREIGN KEY ("fill_id") REFERENCES "fills"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sentiment_scores" ADD CONSTRAINT "sentiment_scores_news_item_id_fkey" FOREIGN KEY ("news_item_id") REFERENCES "news_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
