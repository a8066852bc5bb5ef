ALTER TABLE "xero_repeating_invoices" ADD COLUMN "product_line_ids" text[];--> statement-breakpoint
ALTER TABLE "xero_webhook_deliveries" ADD COLUMN "tenant_id" text;--> statement-breakpoint
CREATE INDEX "xero_webhook_deliveries_pending_idx" ON "xero_webhook_deliveries" USING btree ("tenant_id","received_at") WHERE "xero_webhook_deliveries"."processed_at" is null;