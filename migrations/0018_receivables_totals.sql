ALTER TABLE "opportunity_line_totals" ADD COLUMN "unpaid_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunity_line_totals" ADD COLUMN "deposit_invoiced_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunity_line_totals" ADD COLUMN "invoiced_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunity_line_totals" ADD COLUMN "paid_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "invoices_number_prefix_idx" ON "invoices" USING btree ("workspace_id",lower("number") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "opportunity_payer_companies_company_idx" ON "opportunity_payer_companies" USING btree ("workspace_id","company_id");--> statement-breakpoint
-- hand-written below
-- The totals trigger also keeps the line totals by payment status, so a status change (an UPDATE of
-- product_lines, whether from a person, an invoice, Xero or Stripe) moves the amount between columns in the
-- statement that changes it. Same shape as before: each branch applies the statement's net change per
-- opportunity, taking the rows in opportunity id order; an update that changes no amount writes nothing.
CREATE OR REPLACE FUNCTION opportunity_line_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO opportunity_line_totals AS t (opportunity_id, workspace_id, line_count, total_amount,
      unpaid_amount, deposit_invoiced_amount, invoiced_amount, paid_amount)
    SELECT opportunity_id, min(workspace_id), count(*), sum(line_total_amount),
      coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'unpaid'), 0),
      coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'deposit_invoiced'), 0),
      coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'invoiced'), 0),
      coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'paid'), 0)
    FROM added GROUP BY opportunity_id ORDER BY opportunity_id
    ON CONFLICT (opportunity_id) DO UPDATE
    SET line_count = t.line_count + excluded.line_count, total_amount = t.total_amount + excluded.total_amount,
      unpaid_amount = t.unpaid_amount + excluded.unpaid_amount,
      deposit_invoiced_amount = t.deposit_invoiced_amount + excluded.deposit_invoiced_amount,
      invoiced_amount = t.invoiced_amount + excluded.invoiced_amount,
      paid_amount = t.paid_amount + excluded.paid_amount;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO opportunity_line_totals AS t (opportunity_id, workspace_id, line_count, total_amount,
      unpaid_amount, deposit_invoiced_amount, invoiced_amount, paid_amount)
    SELECT opportunity_id, min(workspace_id), -count(*), -sum(line_total_amount),
      -coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'unpaid'), 0),
      -coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'deposit_invoiced'), 0),
      -coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'invoiced'), 0),
      -coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'paid'), 0)
    FROM removed GROUP BY opportunity_id ORDER BY opportunity_id
    ON CONFLICT (opportunity_id) DO UPDATE
    SET line_count = t.line_count + excluded.line_count, total_amount = t.total_amount + excluded.total_amount,
      unpaid_amount = t.unpaid_amount + excluded.unpaid_amount,
      deposit_invoiced_amount = t.deposit_invoiced_amount + excluded.deposit_invoiced_amount,
      invoiced_amount = t.invoiced_amount + excluded.invoiced_amount,
      paid_amount = t.paid_amount + excluded.paid_amount;
    DELETE FROM opportunity_line_totals
    WHERE line_count = 0 AND opportunity_id IN (SELECT opportunity_id FROM removed);
  ELSE
    INSERT INTO opportunity_line_totals AS t (opportunity_id, workspace_id, line_count, total_amount,
      unpaid_amount, deposit_invoiced_amount, invoiced_amount, paid_amount)
    SELECT opportunity_id, min(workspace_id), sum(n), sum(amount),
      coalesce(sum(amount) FILTER (WHERE payment_status = 'unpaid'), 0),
      coalesce(sum(amount) FILTER (WHERE payment_status = 'deposit_invoiced'), 0),
      coalesce(sum(amount) FILTER (WHERE payment_status = 'invoiced'), 0),
      coalesce(sum(amount) FILTER (WHERE payment_status = 'paid'), 0)
    FROM (
      SELECT opportunity_id, workspace_id, 1 AS n, line_total_amount AS amount, payment_status FROM added
      UNION ALL
      SELECT opportunity_id, workspace_id, -1, -line_total_amount, payment_status FROM removed
    ) changes
    GROUP BY opportunity_id
    HAVING sum(n) <> 0 OR sum(amount) <> 0
      OR coalesce(sum(amount) FILTER (WHERE payment_status = 'unpaid'), 0) <> 0
      OR coalesce(sum(amount) FILTER (WHERE payment_status = 'deposit_invoiced'), 0) <> 0
      OR coalesce(sum(amount) FILTER (WHERE payment_status = 'invoiced'), 0) <> 0
      OR coalesce(sum(amount) FILTER (WHERE payment_status = 'paid'), 0) <> 0
    ORDER BY opportunity_id
    ON CONFLICT (opportunity_id) DO UPDATE
    SET line_count = t.line_count + excluded.line_count, total_amount = t.total_amount + excluded.total_amount,
      unpaid_amount = t.unpaid_amount + excluded.unpaid_amount,
      deposit_invoiced_amount = t.deposit_invoiced_amount + excluded.deposit_invoiced_amount,
      invoiced_amount = t.invoiced_amount + excluded.invoiced_amount,
      paid_amount = t.paid_amount + excluded.paid_amount;
    DELETE FROM opportunity_line_totals
    WHERE line_count = 0 AND opportunity_id IN (SELECT opportunity_id FROM removed);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
UPDATE opportunity_line_totals t
SET unpaid_amount = s.unpaid, deposit_invoiced_amount = s.deposit_invoiced, invoiced_amount = s.invoiced, paid_amount = s.paid
FROM (
  SELECT opportunity_id,
    coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'unpaid'), 0) AS unpaid,
    coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'deposit_invoiced'), 0) AS deposit_invoiced,
    coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'invoiced'), 0) AS invoiced,
    coalesce(sum(line_total_amount) FILTER (WHERE payment_status = 'paid'), 0) AS paid
  FROM product_lines GROUP BY opportunity_id
) s
WHERE s.opportunity_id = t.opportunity_id;
--> statement-breakpoint
-- Search indexes write straight into the GIN tree. With fastupdate on, new rows wait in a pending list that
-- every search reads in full until a vacuum merges it, and PGlite runs no autovacuum: a few thousand inserts
-- made a rare prefix search read megabytes. Turning it off and merging what is pending keeps searches flat.
ALTER INDEX companies_search_idx SET (fastupdate = off);
--> statement-breakpoint
ALTER INDEX contacts_search_idx SET (fastupdate = off);
--> statement-breakpoint
ALTER INDEX opportunities_search_idx SET (fastupdate = off);
--> statement-breakpoint
SELECT gin_clean_pending_list('companies_search_idx'::regclass), gin_clean_pending_list('contacts_search_idx'::regclass),
  gin_clean_pending_list('opportunities_search_idx'::regclass);
