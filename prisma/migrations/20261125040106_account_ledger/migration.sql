-- CreateEnum
CREATE TYPE "ledger_kind" AS ENUM ('OPENING', 'DEPOSIT', 'FILL', 'RESET');

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "kind" "ledger_kind" NOT NULL,
    "trade_id" TEXT,
    "symbol" TEXT,
    "side" "order_side",
    "quantity" DECIMAL(24,10),
    "price" DECIMAL(24,10),
    "fee" DECIMAL(24,10),
    "cash_delta" DECIMAL(24,10) NOT NULL,
    "realized_pnl" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "cash_after" DECIMAL(24,10) NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_trade_id_key" ON "ledger_entries"("trade_id");

-- CreateIndex
CREATE INDEX "ledger_entries_account_id_occurred_at_idx" ON "ledger_entries"("account_id", "occurred_at");

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
