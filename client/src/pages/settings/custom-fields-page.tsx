import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CustomFieldsList } from "@/features/custom-fields/components/custom-fields-list";
import { useUrlFilters } from "@/lib/url-filters";

const KEYS = ["type"] as const;

/** /settings/custom-fields — the extra fields clients and contacts carry. */
export function CustomFieldsPage() {
  const { values, setFilters } = useUrlFilters(KEYS);
  const tab = values.type === "contact" || values.type === "deal" ? values.type : "client";
  return (
    <>
      <PageHeader title="Custom fields" description="Extra fields on clients, contacts and deals: they show in forms, list columns, filters and sorts." />
      <Tabs value={tab} onValueChange={(v) => setFilters({ type: v === "client" ? "" : v })}>
        <TabsList>
          <TabsTrigger value="client">Clients</TabsTrigger>
          <TabsTrigger value="contact">Contacts</TabsTrigger>
          <TabsTrigger value="deal">Deals</TabsTrigger>
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
        <TabsContent value="deal">
          <Card className="min-w-0">
            <CustomFieldsList entityType="deal" />
          </Card>
        </TabsContent>
      </Tabs>
    </>
  );
}
