CREATE TABLE "stages" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'open' NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"entity" text NOT NULL,
	"status" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"csv" text NOT NULL,
	"mapping" jsonb,
	"key_column" text,
	"total_rows" integer NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_rows" integer DEFAULT 0 NOT NULL,
	"updated_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "is_primary" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "recurring_interval" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "xero_account_code" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "stage_id" text;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stages_workspace_name_unique" ON "stages" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "imports_workspace_idx" ON "imports" USING btree ("workspace_id","id");--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_stage_id_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companies_workspace_name_idx" ON "companies" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "companies_search_idx" ON "companies" USING gin (to_tsvector('simple', "name"));--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_one_primary_per_company" ON "contacts" USING btree ("company_id") WHERE "contacts"."is_primary";--> statement-breakpoint
CREATE INDEX "contacts_search_idx" ON "contacts" USING gin (to_tsvector('simple', "name" || ' ' || coalesce("email", '')));--> statement-breakpoint
CREATE INDEX "invoices_workspace_status_idx" ON "invoices" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "opportunities_stage_idx" ON "opportunities" USING btree ("workspace_id","stage_id");--> statement-breakpoint
CREATE INDEX "opportunities_search_idx" ON "opportunities" USING gin (to_tsvector('simple', "name"));--> statement-breakpoint
-- hand-written below
-- Every existing workspace gets the default pipeline (createWorkspace seeds the same list for new ones).
INSERT INTO "stages" ("id", "workspace_id", "name", "kind", "position")
SELECT 'stg_' || translate(substr(md5(w."id" || ':' || d.name), 1, 23), '0', 'z'), w."id", d.name, d.kind, d.position
FROM "workspaces" w
CROSS JOIN (VALUES ('lead', 'open', 0), ('qualified', 'open', 1), ('proposal', 'open', 2),
  ('negotiation', 'open', 3), ('won', 'won', 4), ('lost', 'lost', 5)) AS d(name, kind, position);--> statement-breakpoint
-- Free-text stages already in use become stages of their own after the defaults, closed when all their deals are.
INSERT INTO "stages" ("id", "workspace_id", "name", "kind", "position")
SELECT 'stg_' || translate(substr(md5(o."workspace_id" || ':' || o."stage"), 1, 23), '0', 'z'), o."workspace_id", o."stage",
  CASE WHEN bool_and(o."status" = 'won') THEN 'won' WHEN bool_and(o."status" = 'lost') THEN 'lost' ELSE 'open' END,
  5 + row_number() OVER (PARTITION BY o."workspace_id" ORDER BY min(o."id"))
FROM "opportunities" o
WHERE NOT EXISTS (SELECT 1 FROM "stages" s WHERE s."workspace_id" = o."workspace_id" AND s."name" = o."stage")
GROUP BY o."workspace_id", o."stage";--> statement-breakpoint
UPDATE "opportunities" o SET "stage_id" = s."id"
FROM "stages" s WHERE s."workspace_id" = o."workspace_id" AND s."name" = o."stage";
