import type { LeadFormDto } from "@shared/contracts/forms";
import { Link } from "wouter";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { paths } from "@/config/paths";
import { formatDate, formatRelative } from "@/lib/format";

/** The forms list: name, status, submissions, last submission, created. */
export function FormsTable({ forms }: { forms: LeadFormDto[] }) {
  return (
    <Table data-testid="forms-table">
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Status</TH>
          <TH className="text-right">Submissions</TH>
          <TH>Last submission</TH>
          <TH>Created</TH>
        </TR>
      </THead>
      <TBody>
        {forms.map((f) => (
          <TR key={f.id}>
            <TD>
              <Link href={paths.form.href(f.id)} className="font-medium text-zinc-900 hover:text-brand hover:underline">
                {f.name}
              </Link>
              {f.tags.length ? <p className="text-xs text-zinc-500">Tags: {f.tags.join(", ")}</p> : null}
            </TD>
            <TD>{f.enabled ? <Badge tone="success">Live</Badge> : <Badge>Off</Badge>}</TD>
            <TD className="text-right tabular-nums">{f.submissionCount}</TD>
            <TD className="text-zinc-600">{f.lastSubmittedAt ? formatRelative(f.lastSubmittedAt) : "—"}</TD>
            <TD className="text-zinc-600">{formatDate(f.createdAt)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
