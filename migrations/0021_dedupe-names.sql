-- Before the unique name indexes of the next migration (pipelines per workspace, stages per pipeline,
-- saved views per owner and list; names compare by lower(name), the contracts trim them), rename the
-- duplicates old data may hold, so the indexes build: in each group the oldest row keeps its name, the
-- others become "Name (2)", "Name (3)", … skipping any name already taken in the group's scope.
-- Running it again changes nothing. Views whose owner is gone (owner_id null) never collide in the
-- index (nulls are distinct), so they keep their names.
DO $$
DECLARE
  target record;
  dupe record;
  same_scope text;
  n integer;
  candidate text;
  taken boolean;
BEGIN
  FOR target IN
    SELECT * FROM (VALUES
      ('pipelines', ARRAY['workspace_id'], 'true'),
      ('pipeline_stages', ARRAY['pipeline_id'], 'true'),
      ('saved_views', ARRAY['workspace_id', 'owner_id', 'entity_type'], 'owner_id IS NOT NULL')
    ) AS t(tbl, scope, rows_in_index)
  LOOP
    SELECT string_agg(format('o.%1$I = d.%1$I', c), ' AND ') INTO same_scope FROM unnest(target.scope) AS c;
    -- The duplicates as they are now (the loop's snapshot): every row after the oldest of its group.
    FOR dupe IN EXECUTE format(
      'SELECT id, name, rn FROM (
         SELECT id, name, row_number() OVER (PARTITION BY %2$s, lower(name) ORDER BY created_at, id) AS rn
         FROM %1$I WHERE %3$s
       ) s WHERE rn > 1 ORDER BY lower(name), rn',
      target.tbl,
      (SELECT string_agg(format('%I', c), ', ') FROM unnest(target.scope) AS c),
      target.rows_in_index
    )
    LOOP
      n := dupe.rn;
      LOOP
        candidate := dupe.name || ' (' || n || ')';
        -- Sees the renames made so far, so two renamed rows never land on the same name.
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %1$I o JOIN %1$I d ON %2$s WHERE d.id = $1 AND lower(o.name) = lower($2))', target.tbl, same_scope)
          INTO taken USING dupe.id, candidate;
        EXIT WHEN NOT taken;
        n := n + 1;
      END LOOP;
      EXECUTE format('UPDATE %I SET name = $1, updated_at = now() WHERE id = $2', target.tbl) USING candidate, dupe.id;
    END LOOP;
  END LOOP;
END
$$;
