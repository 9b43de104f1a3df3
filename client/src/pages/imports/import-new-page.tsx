import type { ImportEntity } from "@shared/contracts/imports";
import { useLocation, useSearchParams } from "wouter";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { paths } from "@/config/paths";
import { ImportWizard } from "@/features/imports/components/import-wizard";
import { importableFor } from "@/features/imports/can-import";
import { useCurrentUser } from "@/lib/auth";

/** /imports/new?entity=client|contact|lead — the import wizard. */
export function ImportNewPage() {
  const me = useCurrentUser();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const entities = importableFor(me);
  const asked = params.get("entity") as ImportEntity | null;
  const initial = asked && entities.includes(asked) ? asked : entities[0];
  return (
    <>
      <PageHeader title="New import" description="Upload a CSV, map its columns, check every row, then import it in the background." back={{ href: paths.imports.href(), label: "Imports" }} />
      {initial ? (
        <ImportWizard entities={entities} initialEntity={initial} onStarted={(imp) => navigate(paths.importDetail.href(imp.id))} />
      ) : (
        <Alert tone="info">Your role cannot create clients, contacts or leads, so there is nothing you can import.</Alert>
      )}
    </>
  );
}
