import { ChangePasswordForm } from "./change-password-form";
import { ProfileForm } from "./profile-form";
import { SessionsList } from "./sessions-list";

/** Name, signed-in devices and password: the same tools in the app and the portal. */
export function ProfileSections() {
  return (
    <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
      <div className="space-y-6">
        <ProfileForm />
        <SessionsList />
      </div>
      <ChangePasswordForm />
    </div>
  );
}
