import { DUPLICATE_ENTITY_TYPES, DUPLICATE_REASONS, type DuplicateEntityType, type DuplicateReason } from "@shared/contracts/duplicates";
import { PageHeader } from "@/components/layout/page-header";
import { NativeSelect } from "@/components/ui/input";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { DuplicatePairsList } from "@/features/duplicates/components/duplicate-pairs-list";
import { RescanPanel } from "@/features/duplicates/components/rescan-panel";
import { usePermission } from "@/lib/auth";
import { useUrlFilters } from "@/lib/url-filters";

const TABS: Record<DuplicateEntityType, string> = { client: "Clients", contact: "Contacts", lead: "Leads" };
const REASONS: Record<DuplicateReason, string> = { email: "Same email", phone: "Same phone", domain: "Same domain", name: "Similar name" };
// Clients carry no email; contacts no company domain.
const REASONS_OF: Record<DuplicateEntityType, readonly DuplicateReason[]> = { client: ["phone", "domain", "name"], contact: ["email", "phone", "name"], lead: DUPLICATE_REASONS };
const FILTER_KEYS = ["type", "reason"] as const;

/** /duplicates — possible duplicate clients, contacts and leads to compare, merge or dismiss. */
export function DuplicatesPage() {
  const { values, setFilters } = useUrlFilters(FILTER_KEYS);
  const canReadLeads = usePermission("leads.read");
  const canWriteClients = usePermission("clients.write");
  const canWriteLeads = usePermission("leads.write");
  const canRescan = usePermission("admin.jobs");
  const types = DUPLICATE_ENTITY_TYPES.filter((t) => t !== "lead" || canReadLeads);
  const current = (types as readonly string[]).includes(values.type) ? (values.type as DuplicateEntityType) : "client";
  const reason = (REASONS_OF[current] as readonly string[]).includes(values.reason) ? (values.reason as DuplicateReason) : undefined;
  return (
    <>
      <PageHeader
        title="Duplicates"
        description="Records that look like the same company or person, best matches first. Merging keeps the values you pick and moves everything attached."
        actions={canRescan ? <RescanPanel /> : null}
      />
      <Tabs value={current} onValueChange={(type) => setFilters({ type: type === "client" ? "" : type, reason: "" })}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <TabsList aria-label="Record type">
            {types.map((t) => (
              <TabsTrigger key={t} value={t}>
                {TABS[t]}
              </TabsTrigger>
            ))}
          </TabsList>
          <NativeSelect aria-label="Reason" className="w-44" value={reason ?? ""} onChange={(e) => setFilters({ reason: e.target.value })}>
            <option value="">Any reason</option>
            {REASONS_OF[current].map((r) => (
              <option key={r} value={r}>
                {REASONS[r]}
              </option>
            ))}
          </NativeSelect>
        </div>
        {types.map((t) => (
          <TabsContent key={t} value={t}>
            {t === current ? <DuplicatePairsList entityType={t} reason={reason} canWrite={t === "lead" ? canWriteLeads : canWriteClients} /> : null}
          </TabsContent>
        ))}
      </Tabs>
    </>
  );
}
