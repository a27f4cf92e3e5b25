-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "recipientHash" TEXT;
