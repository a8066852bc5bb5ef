ALTER TABLE "xero_repeating_invoices" ADD COLUMN "product_line_ids" text[];--> statement-breakpoint
ALTER TABLE "xero_webhook_deliveries" ADD COLUMN "tenant_id" text;--> statement-breakpoint
CREATE INDEX "xero_webhook_deliveries_pending_idx" ON "xero_webhook_deliveries" USING btree ("tenant_id","received_at") WHERE "xero_webhook_deliveries"."processed_at" is null;--> statement-breakpoint
-- hand-written below
-- The watermark is now where the next run reads from (the margin is taken off when it is written): the
-- watermarks kept so far were the last change seen, so they take the 5-minute margin off once here.
UPDATE "xero_sync_states" SET "watermark" = "watermark" - interval '5 minutes' WHERE "watermark" IS NOT NULL;
