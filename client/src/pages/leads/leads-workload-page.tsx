import { PageHeader } from "@/components/layout/page-header";
import { paths } from "@/config/paths";
import { LeadWorkload } from "@/features/leads/components/lead-workload";

/** /leads/workload — how the open leads are spread over the team. */
export function LeadsWorkloadPage() {
  return (
    <>
      <PageHeader
        back={{ href: paths.leads.href(), label: "Leads" }}
        title="Lead workload"
        description="Open leads (new, contacted, qualified) per owner. Click a name to see their leads."
      />
      <LeadWorkload />
    </>
  );
}
