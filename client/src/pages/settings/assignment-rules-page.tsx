import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { AssignmentRulesList } from "@/features/assignment-rules/components/assignment-rules-list";
import { useCustomFields } from "@/features/custom-fields/api/get-custom-fields";
import { useLeadOwners } from "../leads/use-lead-owners";

/** /settings/assignment-rules — who new leads go to. */
export function AssignmentRulesPage() {
  const { members } = useLeadOwners();
  const leadFields = useCustomFields("lead");
  return (
    <>
      <PageHeader title="Lead assignment" description="Hand new leads to the right people automatically, from every source: forms, imports, the API and by hand." />
      <Alert tone="info" className="mb-4 max-w-4xl">
        Rules are checked from the top; the <strong>first enabled rule that matches wins</strong>. Leads that match no rule stay unassigned
        (find them with the “Unassigned” owner filter). A lead given an owner when it is created skips the rules.
      </Alert>
      <div className="max-w-4xl">
        <AssignmentRulesList members={members} customFields={leadFields.data?.data ?? []} />
      </div>
    </>
  );
}
