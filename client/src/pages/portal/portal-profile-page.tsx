import { PageHeader } from "@/components/layout/page-header";
import { ChangePasswordForm } from "@/features/profile/components/change-password-form";
import { ProfileForm } from "@/features/profile/components/profile-form";
import { SessionsList } from "@/features/profile/components/sessions-list";

/** /portal/profile — the same profile tools inside the portal frame. */
export function PortalProfilePage() {
  return (
    <>
      <PageHeader title="Your profile" description="Your name, password and signed-in devices." />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <ProfileForm />
          <SessionsList />
        </div>
        <ChangePasswordForm />
      </div>
    </>
  );
}
