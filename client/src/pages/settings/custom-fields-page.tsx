import type { CustomFieldEntity } from "@shared/contracts/custom-fields";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CustomFieldsList } from "@/features/custom-fields/components/custom-fields-list";
import { useUrlFilters } from "@/lib/url-filters";

const KEYS = ["type"] as const;
const TABS: { type: CustomFieldEntity; label: string }[] = [
  { type: "client", label: "Clients" },
  { type: "contact", label: "Contacts" },
  { type: "lead", label: "Leads" },
  { type: "deal", label: "Deals" },
];

/** /settings/custom-fields — the extra fields clients, contacts, leads and deals carry. */
export function CustomFieldsPage() {
  const { values, setFilters } = useUrlFilters(KEYS);
  const tab = TABS.find((t) => t.type === values.type)?.type ?? "client";
  return (
    <>
      <PageHeader title="Custom fields" description="Extra fields on clients, contacts, leads and deals: they show in forms, list columns, filters and sorts." />
      <Tabs value={tab} onValueChange={(v) => setFilters({ type: v === "client" ? "" : v })}>
        <TabsList>
          {TABS.map((t) => (
            <TabsTrigger key={t.type} value={t.type}>
              {t.label}
            </TabsTrigger>
          ))}
        </TabsList>
        {TABS.map((t) => (
          <TabsContent key={t.type} value={t.type}>
            <Card className="min-w-0">
              <CustomFieldsList entityType={t.type} />
            </Card>
          </TabsContent>
        ))}
      </Tabs>
    </>
  );
}
