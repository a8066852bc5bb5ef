CREATE TABLE "business_events" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"type" text NOT NULL,
	"invoice_id" text,
	"opportunity_id" text,
	"dedupe_key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_links" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"invoice_id" text NOT NULL,
	"stripe_account_id" text NOT NULL,
	"stripe_link_id" text,
	"url" text,
	"mode" text NOT NULL,
	"interval" text,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"deactivated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_logs" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"kind" text NOT NULL,
	"stripe_key" text NOT NULL,
	"status" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"payer_email" text,
	"payer_name" text,
	"invoice_id" text,
	"opportunity_id" text,
	"stripe_account_id" text,
	"checkout_session_id" text,
	"payment_intent_id" text,
	"charge_id" text,
	"refund_id" text,
	"subscription_id" text,
	"stripe_invoice_id" text,
	"payment_link_id" text,
	"event_id" text,
	"event_type" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_auth_requests" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"account_id" text NOT NULL,
	"account_name" text,
	"scope" text NOT NULL,
	"livemode" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"deauthorized_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text,
	"workspace_id" text,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
ALTER TABLE "business_events" ADD CONSTRAINT "business_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_logs" ADD CONSTRAINT "payment_logs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_auth_requests" ADD CONSTRAINT "stripe_auth_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_connections" ADD CONSTRAINT "stripe_connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "business_events_workspace_dedupe_unique" ON "business_events" USING btree ("workspace_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "business_events_workspace_idx" ON "business_events" USING btree ("workspace_id","type","id");--> statement-breakpoint
CREATE INDEX "business_events_invoice_idx" ON "business_events" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payment_links_invoice_idx" ON "payment_links" USING btree ("invoice_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_links_active_invoice_unique" ON "payment_links" USING btree ("invoice_id") WHERE "payment_links"."active" = 1;--> statement-breakpoint
CREATE INDEX "payment_links_stripe_idx" ON "payment_links" USING btree ("stripe_link_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_logs_workspace_key_unique" ON "payment_logs" USING btree ("workspace_id","stripe_key");--> statement-breakpoint
CREATE INDEX "payment_logs_workspace_time_idx" ON "payment_logs" USING btree ("workspace_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "payment_logs_invoice_idx" ON "payment_logs" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payment_logs_payment_intent_idx" ON "payment_logs" USING btree ("workspace_id","payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_connections_workspace_unique" ON "stripe_connections" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_connections_active_account_unique" ON "stripe_connections" USING btree ("account_id") WHERE "stripe_connections"."status" = 'active';--> statement-breakpoint
CREATE INDEX "stripe_events_workspace_idx" ON "stripe_events" USING btree ("workspace_id","received_at");