import { PageHeader } from "@/components/layout/page-header";
import { ProfileSections } from "@/features/profile/components/profile-sections";

/** /profile (also used by /portal/profile). */
export function ProfilePage() {
  return (
    <>
      <PageHeader title="Profile" description="Your name, password and signed-in devices." />
      <ProfileSections />
    </>
  );
}
