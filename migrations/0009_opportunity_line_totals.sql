CREATE TABLE "opportunity_line_totals" (
	"opportunity_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"line_count" integer NOT NULL,
	"total_amount" bigint NOT NULL
);
