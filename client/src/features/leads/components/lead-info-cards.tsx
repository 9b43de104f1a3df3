import type { LeadDto } from "@shared/contracts/leads";
import { ArrowRightLeft, ShieldCheck, Signpost } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "wouter";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { paths } from "@/config/paths";
import { formatDateTime } from "@/lib/format";
import { LEAD_SOURCE_LABELS } from "./lead-badges";

// The deals feature owns deal pages; this is its URL pattern.

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-words text-zinc-900">{children}</dd>
    </div>
  );
}

/** Where the lead came from. */
export function LeadSourceCard({ lead }: { lead: LeadDto }) {
  return (
    <Card>
      <CardHeader title={<span className="inline-flex items-center gap-2"><Signpost className="size-4 text-zinc-400" aria-hidden />Source</span>} />
      <CardBody>
        <dl>
          <Row label="Came from">{LEAD_SOURCE_LABELS[lead.source]}</Row>
          {lead.sourceDetail ? <Row label="Detail">{lead.sourceDetail}</Row> : null}
          <Row label="Added">{formatDateTime(lead.createdAt)}</Row>
          <Row label="Last activity">{formatDateTime(lead.lastActivityAt)}</Row>
        </dl>
      </CardBody>
    </Card>
  );
}

/** Proof of consent: when, how and the exact wording (or that none was recorded). */
export function LeadConsentCard({ lead }: { lead: LeadDto }) {
  const c = lead.consent;
  return (
    <Card data-testid="lead-consent">
      <CardHeader title={<span className="inline-flex items-center gap-2"><ShieldCheck className="size-4 text-zinc-400" aria-hidden />Consent</span>} />
      <CardBody>
        {c ? (
          <dl>
            <Row label="Given">{formatDateTime(c.givenAt)}</Row>
            <Row label="How">{LEAD_SOURCE_LABELS[c.method]}{c.ip ? ` · from ${c.ip}` : ""}</Row>
            <Row label="Text">
              <blockquote className="border-l-2 border-zinc-200 pl-3 text-zinc-700 italic">{c.text}</blockquote>
            </Row>
          </dl>
        ) : (
          <p className="text-sm text-zinc-500">No consent recorded. Record it before adding this person to marketing emails.</p>
        )}
      </CardBody>
    </Card>
  );
}

/** What the lead became: links to its client, contact and deal. */
export function LeadConversionCard({ lead }: { lead: LeadDto }) {
  const conv = lead.conversion;
  if (!conv) return null;
  return (
    <Card className="border-emerald-200 bg-emerald-50/40" data-testid="lead-conversion">
      <CardHeader
        title={<span className="inline-flex items-center gap-2"><ArrowRightLeft className="size-4 text-emerald-600" aria-hidden />Converted</span>}
        description={`On ${formatDateTime(conv.convertedAt)}`}
      />
      <CardBody>
        <dl>
          <Row label="Client">
            {conv.client ? (
              <Link href={paths.client.href(conv.client.id)} className="font-medium text-brand hover:underline">
                {conv.client.name}
              </Link>
            ) : (
              <span className="text-zinc-500">Deleted since</span>
            )}
          </Row>
          <Row label="Contact">
            {conv.contactId ? (
              <Link href={paths.contact.href(conv.contactId)} className="font-medium text-brand hover:underline">
                Open contact
              </Link>
            ) : (
              <span className="text-zinc-500">None</span>
            )}
          </Row>
          <Row label="Deal">
            {conv.dealId ? (
              <Link href={paths.deal.href(conv.dealId)} className="font-medium text-brand hover:underline">
                Open deal
              </Link>
            ) : (
              <span className="text-zinc-500">None</span>
            )}
          </Row>
        </dl>
      </CardBody>
    </Card>
  );
}
