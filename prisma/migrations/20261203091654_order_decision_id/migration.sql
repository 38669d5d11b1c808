-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "decision_id" TEXT;
