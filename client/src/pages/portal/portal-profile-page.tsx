import { PageHeader } from "@/components/layout/page-header";
import { ProfileSections } from "@/features/profile/components/profile-sections";

/** /portal/profile — the same profile tools inside the portal frame. */
export function PortalProfilePage() {
  return (
    <>
      <PageHeader title="Your profile" description="Your name, password and signed-in devices." />
      <ProfileSections />
    </>
  );
}
