-- Sales agents may import leads (imports.run; shared/contracts/imports.ts importableEntities keeps
-- them to leads). Granted to new workspaces through role_permission_defaults and to every existing
-- workspace now.
WITH new_grants("role", "permission") AS (
  VALUES ('sales_agent', 'imports.run')
), defaults AS (
  INSERT INTO "role_permission_defaults" ("role", "permission")
  SELECT "role", "permission" FROM new_grants
  ON CONFLICT DO NOTHING
)
INSERT INTO "role_permissions" ("workspace_id", "role", "permission")
SELECT w."id", g."role", g."permission" FROM "workspaces" w CROSS JOIN new_grants g
ON CONFLICT DO NOTHING;
