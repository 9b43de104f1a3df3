-- Leads, deals, pipelines, imports, forms and automations permissions (mirrors
-- shared/constants/roles.ts), granted to new workspaces through role_permission_defaults and to
-- every existing workspace now.
WITH new_grants("role", "permission") AS (
  VALUES
    ('admin', 'leads.read'), ('admin', 'leads.write'), ('admin', 'leads.delete'), ('admin', 'leads.export'),
    ('admin', 'deals.read'), ('admin', 'deals.write'), ('admin', 'deals.delete'),
    ('admin', 'pipelines.manage'), ('admin', 'imports.run'), ('admin', 'forms.manage'), ('admin', 'automations.manage'),
    ('manager', 'leads.read'), ('manager', 'leads.write'), ('manager', 'leads.delete'), ('manager', 'leads.export'),
    ('manager', 'deals.read'), ('manager', 'deals.write'), ('manager', 'deals.delete'),
    ('manager', 'pipelines.manage'), ('manager', 'imports.run'), ('manager', 'forms.manage'), ('manager', 'automations.manage'),
    ('staff', 'leads.read'), ('staff', 'leads.write'), ('staff', 'leads.export'),
    ('staff', 'deals.read'), ('staff', 'deals.write'), ('staff', 'imports.run'),
    ('sales_agent', 'leads.read'), ('sales_agent', 'leads.write'),
    ('sales_agent', 'deals.read'), ('sales_agent', 'deals.write')
), defaults AS (
  INSERT INTO "role_permission_defaults" ("role", "permission")
  SELECT "role", "permission" FROM new_grants
  ON CONFLICT DO NOTHING
)
INSERT INTO "role_permissions" ("workspace_id", "role", "permission")
SELECT w."id", g."role", g."permission" FROM "workspaces" w CROSS JOIN new_grants g
ON CONFLICT DO NOTHING;
