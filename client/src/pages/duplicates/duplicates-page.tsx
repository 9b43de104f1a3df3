import { DUPLICATE_ENTITY_TYPES, type DuplicateEntityType } from "@shared/contracts/duplicates";
import { PageHeader } from "@/components/layout/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { DuplicatePairsList } from "@/features/duplicates/components/duplicate-pairs-list";
import { usePermission } from "@/lib/auth";
import { useUrlFilters } from "@/lib/url-filters";

const TABS: Record<DuplicateEntityType, string> = { client: "Clients", contact: "Contacts", lead: "Leads" };
const FILTER_KEYS = ["type"] as const;

/** /duplicates — possible duplicate clients, contacts and leads to compare, merge or dismiss. */
export function DuplicatesPage() {
  const { values, setFilters } = useUrlFilters(FILTER_KEYS);
  const canReadLeads = usePermission("leads.read");
  const canWriteClients = usePermission("clients.write");
  const canWriteLeads = usePermission("leads.write");
  const types = DUPLICATE_ENTITY_TYPES.filter((t) => t !== "lead" || canReadLeads);
  const current = (types as readonly string[]).includes(values.type) ? (values.type as DuplicateEntityType) : "client";
  return (
    <>
      <PageHeader title="Duplicates" description="Records that look like the same company or person. Merging keeps the values you pick and moves everything attached." />
      <Tabs value={current} onValueChange={(type) => setFilters({ type: type === "client" ? "" : type })}>
        <TabsList aria-label="Record type">
          {types.map((t) => (
            <TabsTrigger key={t} value={t}>
              {TABS[t]}
            </TabsTrigger>
          ))}
        </TabsList>
        {types.map((t) => (
          <TabsContent key={t} value={t}>
            {t === current ? <DuplicatePairsList entityType={t} canWrite={t === "lead" ? canWriteLeads : canWriteClients} /> : null}
          </TabsContent>
        ))}
      </Tabs>
    </>
  );
}
