-- CRM permission defaults (mirrors shared/constants/roles.ts), granted to new workspaces through
-- role_permission_defaults and to every existing workspace now. Creators gain clients.read: they
-- see the clients they are assigned to (record-level rule in the repository).
WITH new_grants("role", "permission") AS (
  VALUES
    ('admin', 'clients.write'),
    ('admin', 'clients.delete'),
    ('admin', 'clients.export'),
    ('manager', 'clients.write'),
    ('manager', 'clients.delete'),
    ('manager', 'clients.export'),
    ('staff', 'clients.write'),
    ('staff', 'clients.export'),
    ('sales_agent', 'clients.write'),
    ('creator', 'clients.read')
), defaults AS (
  INSERT INTO "role_permission_defaults" ("role", "permission")
  SELECT "role", "permission" FROM new_grants
  ON CONFLICT DO NOTHING
)
INSERT INTO "role_permissions" ("workspace_id", "role", "permission")
SELECT w."id", g."role", g."permission" FROM "workspaces" w CROSS JOIN new_grants g
ON CONFLICT DO NOTHING;
