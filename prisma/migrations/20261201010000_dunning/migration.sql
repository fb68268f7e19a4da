-- Dunning: when a subscription's payment first failed, and until when the org may keep writing.

-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "paymentFailedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "billingGraceEndsAt" TIMESTAMP(3);
