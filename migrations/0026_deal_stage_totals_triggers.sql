-- Keeps deal_stage_totals (open deals per stage and currency: count, value) equal to what summing
-- `deals` would give, on every write path (API, bulk, merges, imports, seeds, SQL by hand).
-- Statement-level triggers with transition tables: one grouped upsert per statement, whatever its
-- row count. Rows are written in (stage_id, currency) order, so two statements lock shared totals
-- rows in the same order and cannot deadlock on them.
CREATE FUNCTION deal_stage_totals_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO deal_stage_totals AS t (workspace_id, pipeline_id, stage_id, currency, open_count, open_value)
    SELECT workspace_id, pipeline_id, stage_id, currency, count(*), sum(value_minor)
    FROM new_rows WHERE status = 'open'
    GROUP BY workspace_id, pipeline_id, stage_id, currency
    ORDER BY stage_id, currency
    ON CONFLICT (stage_id, currency) DO UPDATE SET open_count = t.open_count + excluded.open_count, open_value = t.open_value + excluded.open_value;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO deal_stage_totals AS t (workspace_id, pipeline_id, stage_id, currency, open_count, open_value)
    SELECT workspace_id, pipeline_id, stage_id, currency, sum(n), sum(v)
    FROM (
      SELECT workspace_id, pipeline_id, stage_id, currency, 1 AS n, value_minor::numeric AS v FROM new_rows WHERE status = 'open'
      UNION ALL
      SELECT workspace_id, pipeline_id, stage_id, currency, -1, -value_minor::numeric FROM old_rows WHERE status = 'open'
    ) d
    GROUP BY workspace_id, pipeline_id, stage_id, currency
    HAVING sum(n) <> 0 OR sum(v) <> 0
    ORDER BY stage_id, currency
    ON CONFLICT (stage_id, currency) DO UPDATE SET open_count = t.open_count + excluded.open_count, open_value = t.open_value + excluded.open_value;
  ELSE
    -- Deletes only lower existing rows (a workspace or stage being deleted may have taken them first).
    PERFORM 1 FROM deal_stage_totals t
    WHERE (t.stage_id, t.currency) IN (SELECT stage_id, currency FROM old_rows WHERE status = 'open')
    ORDER BY t.stage_id, t.currency
    FOR UPDATE;
    UPDATE deal_stage_totals t SET open_count = t.open_count - d.n, open_value = t.open_value - d.v
    FROM (SELECT stage_id, currency, count(*) AS n, sum(value_minor)::numeric AS v FROM old_rows WHERE status = 'open' GROUP BY stage_id, currency) d
    WHERE t.stage_id = d.stage_id AND t.currency = d.currency;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER deals_stage_totals_insert AFTER INSERT ON deals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_totals_after_write();
--> statement-breakpoint
CREATE TRIGGER deals_stage_totals_update AFTER UPDATE ON deals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_totals_after_write();
--> statement-breakpoint
CREATE TRIGGER deals_stage_totals_delete AFTER DELETE ON deals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_totals_after_write();
--> statement-breakpoint
-- The deals already there (the triggers see only writes from now on; this runs in the same transaction).
INSERT INTO deal_stage_totals (workspace_id, pipeline_id, stage_id, currency, open_count, open_value)
SELECT workspace_id, pipeline_id, stage_id, currency, count(*), sum(value_minor)
FROM deals WHERE status = 'open'
GROUP BY workspace_id, pipeline_id, stage_id, currency;
