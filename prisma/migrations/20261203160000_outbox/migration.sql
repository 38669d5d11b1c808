-- Reliability of the money path: the transactional outbox (messages written with the state change they
-- announce, sent by a relay afterwards), a version on orders for optimistic concurrency of matches and
-- cancels, and at most one decision per (strategy, signal, account).

-- CreateEnum
CREATE TYPE "outbox_kind" AS ENUM ('STREAM', 'PUBSUB');

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable: decisions stored before this migration keep a NULL account, so the unique index below
-- never applies to them (NULLs are distinct) and no existing row has to change.
ALTER TABLE "strategy_decisions" ADD COLUMN     "account_id" TEXT;

-- CreateTable
CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "relay" TEXT NOT NULL,
    "kind" "outbox_kind" NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "dedup_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_dedup_key_key" ON "outbox"("dedup_key");

-- CreateIndex
CREATE INDEX "outbox_relay_sent_at_id_idx" ON "outbox"("relay", "sent_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "strategy_decisions_strategy_id_signal_id_account_id_key" ON "strategy_decisions"("strategy_id", "signal_id", "account_id");
