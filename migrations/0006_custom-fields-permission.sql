-- custom_fields.manage (mirrors shared/constants/roles.ts): admins define a workspace's custom
-- fields. Granted to new workspaces through role_permission_defaults and to every existing
-- workspace's admins now.
WITH new_grants("role", "permission") AS (
  VALUES
    ('admin', 'custom_fields.manage')
), defaults AS (
  INSERT INTO "role_permission_defaults" ("role", "permission")
  SELECT "role", "permission" FROM new_grants
  ON CONFLICT DO NOTHING
)
INSERT INTO "role_permissions" ("workspace_id", "role", "permission")
SELECT w."id", g."role", g."permission" FROM "workspaces" w CROSS JOIN new_grants g
ON CONFLICT DO NOTHING;
