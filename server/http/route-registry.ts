import { authRoutes } from "../auth/auth.routes";
import { activitiesRoutes } from "../modules/activities/activities.routes";
import { adminRoutes } from "../modules/admin/admin.routes";
import { attachmentsRoutes } from "../modules/attachments/attachments.routes";
import { auditRoutes } from "../modules/audit/audit.routes";
import { assignmentRulesRoutes } from "../modules/assignment-rules/assignment-rules.routes";
import { automationsRoutes } from "../modules/automations/automations.routes";
import { clientsRoutes } from "../modules/clients/clients.routes";
import { leadsRoutes } from "../modules/leads/leads.routes";
import { contactsRoutes } from "../modules/contacts/contacts.routes";
import { duplicatesRoutes } from "../modules/duplicates/duplicates.routes";
import { customFieldsRoutes } from "../modules/custom-fields/custom-fields.routes";
import { formsRoutes } from "../modules/forms/forms.routes";
import { dealsRoutes } from "../modules/deals/deals.routes";
import { pipelinesRoutes } from "../modules/pipelines/pipelines.routes";
import { importsRoutes } from "../modules/imports/imports.routes";
import { profileRoutes } from "../modules/profile/profile.routes";
import { rolesRoutes } from "../modules/roles/roles.routes";
import { savedViewsRoutes } from "../modules/saved-views/saved-views.routes";
import { searchRoutes } from "../modules/search/search.routes";
import { usersRoutes } from "../modules/users/users.routes";
import { workspaceRoutes } from "../modules/workspace/workspace.routes";
import type { AnyRoute } from "./define-route";

/**
 * Every API route. The router, the OpenAPI document and the authorization matrix all read this
 * list, so a route cannot exist without an access rule, a contract and matrix rows.
 */
export const apiRoutes: AnyRoute[] = [
  ...authRoutes,
  ...profileRoutes,
  ...usersRoutes,
  ...rolesRoutes,
  ...workspaceRoutes,
  ...auditRoutes,
  ...clientsRoutes,
  ...leadsRoutes,
  ...assignmentRulesRoutes,
  ...automationsRoutes,
  ...contactsRoutes,
  ...customFieldsRoutes,
  ...activitiesRoutes,
  ...adminRoutes,
  ...pipelinesRoutes,
  ...dealsRoutes,
  ...attachmentsRoutes,
  ...savedViewsRoutes,
  ...searchRoutes,
  ...formsRoutes,
  ...duplicatesRoutes,
  ...importsRoutes,
];
