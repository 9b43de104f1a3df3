import type { ImportEntity } from "@shared/contracts/imports";
import { Upload } from "lucide-react";
import { Link } from "wouter";
import { Button } from "@/components/ui/button";
import { paths } from "@/config/paths";
import { useCurrentUser } from "@/lib/auth";
import { canImportEntity } from "../can-import";

/** "Import" on a list page: the import wizard for this record type, shown only to people who may import it. */
export function ImportButton({ entity }: { entity: ImportEntity }) {
  const me = useCurrentUser();
  if (!canImportEntity(me, entity)) return null;
  return (
    <Button variant="secondary" asChild>
      <Link href={paths.importNew.href(entity)}>
        <Upload aria-hidden />
        Import
      </Link>
    </Button>
  );
}
