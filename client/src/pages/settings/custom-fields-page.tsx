import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CustomFieldsList } from "@/features/custom-fields/components/custom-fields-list";
import { useUrlFilters } from "@/lib/url-filters";

const KEYS = ["type"] as const;

/** /settings/custom-fields — the extra fields clients and contacts carry. */
export function CustomFieldsPage() {
  const { values, setFilters } = useUrlFilters(KEYS);
  const tab = values.type === "contact" ? "contact" : "client";
  return (
    <>
      <PageHeader title="Custom fields" description="Extra fields on clients and contacts: they show in forms, list columns, filters and sorts." />
      <Tabs value={tab} onValueChange={(v) => setFilters({ type: v === "client" ? "" : v })}>
        <TabsList>
          <TabsTrigger value="client">Clients</TabsTrigger>
          <TabsTrigger value="contact">Contacts</TabsTrigger>
        </TabsList>
        <TabsContent value="client">
          <Card className="min-w-0">
            <CustomFieldsList entityType="client" />
          </Card>
        </TabsContent>
        <TabsContent value="contact">
          <Card className="min-w-0">
            <CustomFieldsList entityType="contact" />
          </Card>
        </TabsContent>
      </Tabs>
    </>
  );
}
