CREATE TABLE "opportunity_payer_companies" (
	"workspace_id" text NOT NULL,
	"opportunity_id" text NOT NULL,
	"company_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_payer_companies_opportunity_id_company_id_pk" PRIMARY KEY("opportunity_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "xero_call_log" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"http_status" integer,
	"duration_ms" integer,
	"record_id" text,
	"message" text,
	"fix" text,
	"user_initiated" boolean NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "xero_raised_invoices" (
	"workspace_id" text NOT NULL,
	"external_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"number" text NOT NULL,
	"reference" text,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"total_amount" bigint NOT NULL,
	"amount_paid_amount" bigint NOT NULL,
	"amount_due_amount" bigint NOT NULL,
	"issue_date" date,
	"due_date" date,
	"fully_paid_on" date,
	"repeating_invoice_id" text,
	"xero_updated_at" timestamp with time zone,
	"pinned_opportunity_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "xero_raised_invoices_workspace_id_external_id_pk" PRIMARY KEY("workspace_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "xero_rate_limits" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"paused_until" timestamp with time zone,
	"pause_reason" text
);
--> statement-breakpoint
CREATE TABLE "xero_sync_states" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"watermark" timestamp with time zone,
	"interval_minutes" integer DEFAULT 15 NOT NULL,
	"state" text DEFAULT 'idle' NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "xero_webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	"event_count" integer NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "opportunity_payer_companies" ADD CONSTRAINT "opportunity_payer_companies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_payer_companies" ADD CONSTRAINT "opportunity_payer_companies_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_payer_companies" ADD CONSTRAINT "opportunity_payer_companies_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xero_raised_invoices" ADD CONSTRAINT "xero_raised_invoices_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xero_raised_invoices" ADD CONSTRAINT "xero_raised_invoices_pinned_opportunity_id_opportunities_id_fk" FOREIGN KEY ("pinned_opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xero_sync_states" ADD CONSTRAINT "xero_sync_states_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "xero_call_log_tenant_started_idx" ON "xero_call_log" USING btree ("tenant_id","started_at");--> statement-breakpoint
CREATE INDEX "xero_call_log_workspace_started_idx" ON "xero_call_log" USING btree ("workspace_id","started_at","id");--> statement-breakpoint
CREATE INDEX "xero_raised_invoices_contact_idx" ON "xero_raised_invoices" USING btree ("workspace_id","contact_id");