CREATE TABLE "xero_tax_mappings" (
	"workspace_id" text NOT NULL,
	"tax_rate" numeric(7, 4) NOT NULL,
	"tax_type" text NOT NULL,
	CONSTRAINT "xero_tax_mappings_workspace_id_tax_rate_pk" PRIMARY KEY("workspace_id","tax_rate")
);
--> statement-breakpoint
CREATE TABLE "xero_tenant_choices" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"access_token" text NOT NULL,
	"refresh_token" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"tenants" jsonb NOT NULL,
	"choose_by" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xero_repeating_invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"opportunity_id" text NOT NULL,
	"xero_tenant_id" text NOT NULL,
	"external_id" text,
	"status" text NOT NULL,
	"approval" text NOT NULL,
	"unit" text NOT NULL,
	"every" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"due_type" text NOT NULL,
	"due_day" integer NOT NULL,
	"reference" text,
	"currency" text NOT NULL,
	"total_amount" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "xero_tenant_id" text;--> statement-breakpoint
ALTER TABLE "xero_connections" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "xero_connections" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "xero_connections" ADD COLUMN "timezone" text;--> statement-breakpoint
ALTER TABLE "xero_connections" ADD COLUMN "base_currency" text;--> statement-breakpoint
ALTER TABLE "xero_connections" ADD COLUMN "default_account_code" text;--> statement-breakpoint
ALTER TABLE "xero_connections" ADD COLUMN "branding_theme_id" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "xero_tenant_id" text;--> statement-breakpoint
ALTER TABLE "xero_tax_mappings" ADD CONSTRAINT "xero_tax_mappings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xero_tenant_choices" ADD CONSTRAINT "xero_tenant_choices_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xero_repeating_invoices" ADD CONSTRAINT "xero_repeating_invoices_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xero_repeating_invoices" ADD CONSTRAINT "xero_repeating_invoices_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "xero_repeating_invoices_opportunity_idx" ON "xero_repeating_invoices" USING btree ("opportunity_id","id");--> statement-breakpoint
UPDATE "companies" SET "xero_tenant_id" = c."tenant_id" FROM "xero_connections" c WHERE c."workspace_id" = "companies"."workspace_id" AND "companies"."xero_contact_id" IS NOT NULL;--> statement-breakpoint
UPDATE "invoices" SET "xero_tenant_id" = c."tenant_id" FROM "xero_connections" c WHERE c."workspace_id" = "invoices"."workspace_id" AND "invoices"."provider" = 'xero';--> statement-breakpoint
UPDATE "xero_connections" SET "access_token" = '', "refresh_token" = '', "status" = 'needs_reconnect', "status_reason" = 'Tokens are now stored sealed: connect Xero again to renew them.';
