-- Opportunity line totals follow product_lines within the statement that changes them (see opportunityLineTotals).
CREATE FUNCTION opportunity_line_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch applies this statement's net change per opportunity, taking the totals rows in opportunity id
  -- order so concurrent statements over several opportunities cannot deadlock on them; a statement that leaves
  -- every total as it was (a status or sort change) writes and locks nothing.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO opportunity_line_totals AS t (opportunity_id, workspace_id, line_count, total_amount)
    SELECT opportunity_id, min(workspace_id), count(*), sum(line_total_amount)
    FROM added GROUP BY opportunity_id ORDER BY opportunity_id
    ON CONFLICT (opportunity_id) DO UPDATE
    SET line_count = t.line_count + excluded.line_count, total_amount = t.total_amount + excluded.total_amount;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO opportunity_line_totals AS t (opportunity_id, workspace_id, line_count, total_amount)
    SELECT opportunity_id, min(workspace_id), -count(*), -sum(line_total_amount)
    FROM removed GROUP BY opportunity_id ORDER BY opportunity_id
    ON CONFLICT (opportunity_id) DO UPDATE
    SET line_count = t.line_count + excluded.line_count, total_amount = t.total_amount + excluded.total_amount;
    DELETE FROM opportunity_line_totals
    WHERE line_count = 0 AND opportunity_id IN (SELECT opportunity_id FROM removed);
  ELSE
    INSERT INTO opportunity_line_totals AS t (opportunity_id, workspace_id, line_count, total_amount)
    SELECT opportunity_id, min(workspace_id), sum(n), sum(amount)
    FROM (
      SELECT opportunity_id, workspace_id, 1 AS n, line_total_amount AS amount FROM added
      UNION ALL
      SELECT opportunity_id, workspace_id, -1, -line_total_amount FROM removed
    ) changes
    GROUP BY opportunity_id HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY opportunity_id
    ON CONFLICT (opportunity_id) DO UPDATE
    SET line_count = t.line_count + excluded.line_count, total_amount = t.total_amount + excluded.total_amount;
    DELETE FROM opportunity_line_totals
    WHERE line_count = 0 AND opportunity_id IN (SELECT opportunity_id FROM removed);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER product_lines_added AFTER INSERT ON product_lines
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION opportunity_line_totals_follow();
--> statement-breakpoint
CREATE TRIGGER product_lines_removed AFTER DELETE ON product_lines
REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION opportunity_line_totals_follow();
--> statement-breakpoint
CREATE TRIGGER product_lines_changed AFTER UPDATE ON product_lines
REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION opportunity_line_totals_follow();
--> statement-breakpoint
INSERT INTO opportunity_line_totals (opportunity_id, workspace_id, line_count, total_amount)
SELECT opportunity_id, min(workspace_id), count(*), sum(line_total_amount) FROM product_lines GROUP BY opportunity_id;
