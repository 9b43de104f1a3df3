import type { Permission } from "@shared/constants/roles";
import { type ComponentType, type ReactNode, Suspense } from "react";
import { Route, Switch, useLocation } from "wouter";
import { RouteErrorBoundary } from "@/components/errors/route-error-boundary";
import { AppShell } from "@/components/layout/app-shell";
import { PortalShell } from "@/components/layout/portal-shell";
import { PageSkeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { GlobalSearch } from "@/features/search/components/command-palette";
import { PublicOnly, RequireAuth, RequirePermission } from "./auth-gate";
import { lazyPage } from "./lazy-page";

const LoginPage = lazyPage(() => import("@/pages/auth/login-page"), "LoginPage");
const ForgotPasswordPage = lazyPage(() => import("@/pages/auth/forgot-password-page"), "ForgotPasswordPage");
const ResetPasswordPage = lazyPage(() => import("@/pages/auth/reset-password-page"), "ResetPasswordPage");
const AcceptInvitePage = lazyPage(() => import("@/pages/auth/accept-invite-page"), "AcceptInvitePage");
const DashboardPage = lazyPage(() => import("@/pages/dashboard/dashboard-page"), "DashboardPage");
const UsersPage = lazyPage(() => import("@/pages/users/users-page"), "UsersPage");
const UserDetailPage = lazyPage(() => import("@/pages/users/user-detail-page"), "UserDetailPage");
const ClientsPage = lazyPage(() => import("@/pages/clients/clients-page"), "ClientsPage");
const ClientDetailPage = lazyPage(() => import("@/pages/clients/client-detail-page"), "ClientDetailPage");
const LeadsPage = lazyPage(() => import("@/pages/leads/leads-page"), "LeadsPage");
const LeadsWorkloadPage = lazyPage(() => import("@/pages/leads/leads-workload-page"), "LeadsWorkloadPage");
const LeadDetailPage = lazyPage(() => import("@/pages/leads/lead-detail-page"), "LeadDetailPage");
const AssignmentRulesPage = lazyPage(() => import("@/pages/settings/assignment-rules-page"), "AssignmentRulesPage");
const ContactsPage = lazyPage(() => import("@/pages/contacts/contacts-page"), "ContactsPage");
const ContactDetailPage = lazyPage(() => import("@/pages/contacts/contact-detail-page"), "ContactDetailPage");
const DuplicatesPage = lazyPage(() => import("@/pages/duplicates/duplicates-page"), "DuplicatesPage");
const RolesPage = lazyPage(() => import("@/pages/settings/roles-page"), "RolesPage");
const WorkspacePage = lazyPage(() => import("@/pages/settings/workspace-page"), "WorkspacePage");
const CustomFieldsPage = lazyPage(() => import("@/pages/settings/custom-fields-page"), "CustomFieldsPage");
const AutomationsPage = lazyPage(() => import("@/pages/automations/automations-page"), "AutomationsPage");
const AutomationDetailPage = lazyPage(() => import("@/pages/automations/automation-detail-page"), "AutomationDetailPage");
const ProfilePage = lazyPage(() => import("@/pages/profile/profile-page"), "ProfilePage");
const AuditLogPage = lazyPage(() => import("@/pages/audit/audit-log-page"), "AuditLogPage");
const JobsPage = lazyPage(() => import("@/pages/admin/jobs-page"), "JobsPage");
const OutboxPage = lazyPage(() => import("@/pages/admin/outbox-page"), "OutboxPage");
const SystemPage = lazyPage(() => import("@/pages/admin/system-page"), "SystemPage");
const DealsPage = lazyPage(() => import("@/pages/deals/deals-page"), "DealsPage");
const DealDetailPage = lazyPage(() => import("@/pages/deals/deal-detail-page"), "DealDetailPage");
const PipelinesPage = lazyPage(() => import("@/pages/settings/pipelines-page"), "PipelinesPage");
const PortalHomePage = lazyPage(() => import("@/pages/portal/portal-home-page"), "PortalHomePage");
const PortalProfilePage = lazyPage(() => import("@/pages/portal/portal-profile-page"), "PortalProfilePage");
const FormsPage = lazyPage(() => import("@/pages/forms/forms-page"), "FormsPage");
const FormDetailPage = lazyPage(() => import("@/pages/forms/form-detail-page"), "FormDetailPage");
const HostedFormPage = lazyPage(() => import("@/pages/public/hosted-form-page"), "HostedFormPage");
const ImportsPage = lazyPage(() => import("@/pages/imports/imports-page"), "ImportsPage");
const ImportNewPage = lazyPage(() => import("@/pages/imports/import-new-page"), "ImportNewPage");
const ImportDetailPage = lazyPage(() => import("@/pages/imports/import-detail-page"), "ImportDetailPage");
const NotFoundPage = lazyPage(() => import("@/pages/not-found-page"), "NotFoundPage");

/** Suspense + error boundary for one page; a new boundary per path so errors don't stick. */
function PageFrame({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return (
    <RouteErrorBoundary key={location}>
      <Suspense fallback={<PageSkeleton />}>{children}</Suspense>
    </RouteErrorBoundary>
  );
}

function page(Component: ComponentType, permission?: Permission) {
  return () =>
    permission ? (
      <RequirePermission permission={permission}>
        <Component />
      </RequirePermission>
    ) : (
      <Component />
    );
}

function PublicPage({ component: Component, publicOnly }: { component: ComponentType; publicOnly?: boolean }) {
  const body = (
    <RouteErrorBoundary>
      <Suspense fallback={null}>
        <Component />
      </Suspense>
    </RouteErrorBoundary>
  );
  return publicOnly ? <PublicOnly>{body}</PublicOnly> : body;
}

function StaffArea() {
  return (
    <RequireAuth area="staff">
      <AppShell search={<GlobalSearch />}>
        <PageFrame>
          <Switch>
            <Route path={paths.dashboard.pattern}>{page(DashboardPage)}</Route>
            <Route path={paths.users.pattern}>{page(UsersPage, "users.read")}</Route>
            <Route path={paths.user.pattern}>{page(UserDetailPage, "users.read")}</Route>
            <Route path={paths.clients.pattern}>{page(ClientsPage, "clients.read")}</Route>
            <Route path={paths.client.pattern}>{page(ClientDetailPage, "clients.read")}</Route>
            <Route path={paths.leads.pattern}>{page(LeadsPage, "leads.read")}</Route>
            <Route path={paths.leadsWorkload.pattern}>{page(LeadsWorkloadPage, "leads.read")}</Route>
            <Route path={paths.lead.pattern}>{page(LeadDetailPage, "leads.read")}</Route>
            <Route path={paths.contacts.pattern}>{page(ContactsPage, "clients.read")}</Route>
            <Route path={paths.contact.pattern}>{page(ContactDetailPage, "clients.read")}</Route>
            <Route path={paths.automations.pattern}>{page(AutomationsPage, "automations.manage")}</Route>
            <Route path={paths.automation.pattern}>{page(AutomationDetailPage, "automations.manage")}</Route>
            <Route path={paths.duplicates.pattern}>{page(DuplicatesPage, "clients.read")}</Route>
            <Route path={paths.roles.pattern}>{page(RolesPage, "users.read")}</Route>
            <Route path={paths.workspace.pattern}>{page(WorkspacePage, "workspace.read")}</Route>
            <Route path={paths.customFields.pattern}>{page(CustomFieldsPage, "clients.read")}</Route>
            <Route path={paths.assignmentRules.pattern}>{page(AssignmentRulesPage, "automations.manage")}</Route>
            <Route path={paths.profile.pattern}>{page(ProfilePage)}</Route>
            <Route path={paths.auditLog.pattern}>{page(AuditLogPage, "audit.read")}</Route>
            <Route path={paths.adminJobs.pattern}>{page(JobsPage, "admin.jobs")}</Route>
            <Route path={paths.adminOutbox.pattern}>{page(OutboxPage, "admin.outbox")}</Route>
            <Route path={paths.adminSystem.pattern}>{page(SystemPage, "admin.system")}</Route>
            <Route path={paths.forms.pattern}>{page(FormsPage, "forms.manage")}</Route>
            <Route path={paths.form.pattern}>{page(FormDetailPage, "forms.manage")}</Route>
            <Route path={paths.deals.pattern}>{page(DealsPage, "deals.read")}</Route>
            <Route path={paths.deal.pattern}>{page(DealDetailPage, "deals.read")}</Route>
            <Route path={paths.pipelinesSettings.pattern}>{page(PipelinesPage, "pipelines.manage")}</Route>
            <Route path={paths.imports.pattern}>{page(ImportsPage, "imports.run")}</Route>
            <Route path={paths.importNew.pattern}>{page(ImportNewPage, "imports.run")}</Route>
            <Route path={paths.importDetail.pattern}>{page(ImportDetailPage, "imports.run")}</Route>
            <Route>{page(NotFoundPage)}</Route>
          </Switch>
        </PageFrame>
      </AppShell>
    </RequireAuth>
  );
}

function PortalArea() {
  return (
    <RequireAuth area="portal">
      <PortalShell>
        <PageFrame>
          <Switch>
            <Route path={paths.portal.pattern}>{page(PortalHomePage)}</Route>
            <Route path={paths.portalProfile.pattern}>{page(PortalProfilePage)}</Route>
            <Route>{page(NotFoundPage)}</Route>
          </Switch>
        </PageFrame>
      </PortalShell>
    </RequireAuth>
  );
}

/** Every route of the SPA. */
export function AppRouter() {
  return (
    <Switch>
      <Route path={paths.login.pattern}>
        <PublicPage component={LoginPage} publicOnly />
      </Route>
      <Route path={paths.forgotPassword.pattern}>
        <PublicPage component={ForgotPasswordPage} publicOnly />
      </Route>
      <Route path={paths.resetPassword.pattern}>
        <PublicPage component={ResetPasswordPage} />
      </Route>
      <Route path={paths.acceptInvite.pattern}>
        <PublicPage component={AcceptInvitePage} />
      </Route>
      <Route path={paths.hostedForm.pattern}>
        <PublicPage component={HostedFormPage} />
      </Route>
      <Route path={/^\/portal(?:\/.*)?$/}>
        <PortalArea />
      </Route>
      <Route>
        <StaffArea />
      </Route>
    </Switch>
  );
}
