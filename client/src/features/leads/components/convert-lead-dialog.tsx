import { CURRENCIES } from "@shared/contracts/workspace";
import { ConvertLeadBody, type ConvertLeadResponse, type LeadDto } from "@shared/contracts/leads";
import { ArrowRightLeft } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input, NativeSelect } from "@/components/ui/input";
import { SearchField } from "@/components/ui/search-field";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage, isApiError } from "@/lib/api-client";
import { issueField } from "@/lib/form-errors";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useClientContacts } from "../api/get-client-contacts";
import { usePipelineOptions } from "../api/get-pipelines";
import { useConvertLead } from "../api/convert-lead";
import { useClientSearch } from "../api/search-clients";
import { toMinorUnits } from "./lead-badges";

type Currency = (typeof CURRENCIES)[number];
type Errors = Partial<Record<"clientName" | "client" | "contact" | "dealTitle" | "dealValue" | "dealClose" | "form", string>>;

/** API / contract issue path → the dialog field that shows it. */
function fieldOf(path: string): keyof Errors {
  const p = issueField(path);
  if (p === "client.name") return "clientName";
  if (p.startsWith("client")) return "client";
  if (p.startsWith("contact")) return "contact";
  if (p === "deal.title") return "dealTitle";
  if (p === "deal.valueMinor" || p === "deal.currency") return "dealValue";
  if (p === "deal.expectedCloseDate") return "dealClose";
  return "form";
}

function Choice({ name, value, checked, onChange, label, disabled }: { name: string; value: string; checked: boolean; onChange: () => void; label: string; disabled?: boolean }) {
  return (
    <label className={`flex items-center gap-2 text-sm ${disabled ? "text-zinc-400" : "text-zinc-700"}`}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} disabled={disabled} className="size-4 accent-[var(--brand)]" />
      {label}
    </label>
  );
}

/**
 * "Convert" button and dialog: a new or existing client, a contact (new from the lead, an existing
 * one of that client, or none) and optionally a deal, created in one transaction by the API.
 */
export function ConvertLeadDialog({
  lead,
  defaultCurrency,
  onConverted,
}: {
  lead: LeadDto;
  defaultCurrency: Currency;
  onConverted: (result: ConvertLeadResponse["data"], clientName: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [clientMode, setClientMode] = useState<"new" | "existing">("new");
  const [clientName, setClientName] = useState(lead.company ?? lead.name);
  const [query, setQuery] = useState(lead.company ?? "");
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const [contactMode, setContactMode] = useState<"new" | "existing" | "none">("new");
  const [contactId, setContactId] = useState("");
  const [withDeal, setWithDeal] = useState(false);
  const [dealTitle, setDealTitle] = useState(`${lead.company ?? lead.name} — new business`);
  const [dealValue, setDealValue] = useState("");
  const [currency, setCurrency] = useState<Currency>(defaultCurrency);
  const [closeDate, setCloseDate] = useState("");
  const [pipelineId, setPipelineId] = useState("");
  const [stageId, setStageId] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const convert = useConvertLead();
  const dealId = useId();

  const debounced = useDebouncedValue(query.trim(), 250);
  const clients = useClientSearch(debounced, { enabled: open && clientMode === "existing" });
  const contacts = useClientContacts(open && clientMode === "existing" ? (chosen?.id ?? null) : null);
  const pipelines = usePipelineOptions({ enabled: open && withDeal });
  const pipelineList = pipelines.data ?? null;
  const pipeline = pipelineList?.find((p) => p.id === pipelineId) ?? pipelineList?.[0];
  const stage = pipeline?.stages.find((s) => s.id === stageId) ?? pipeline?.stages[0];

  if (!lead.abilities.convert) return null;

  const reset = () => {
    setClientMode("new");
    setClientName(lead.company ?? lead.name);
    setQuery(lead.company ?? "");
    setChosen(null);
    setContactMode("new");
    setContactId("");
    setWithDeal(false);
    setDealValue("");
    setCloseDate("");
    setErrors({});
    convert.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Errors = {};
    if (clientMode === "existing" && !chosen) local.client = "Choose the client to link this lead to";
    if (contactMode === "existing" && !contactId) local.contact = "Choose one of the client's contacts";
    const valueMinor = dealValue.trim() === "" ? 0 : toMinorUnits(dealValue, currency);
    if (withDeal && valueMinor === null) local.dealValue = "Enter an amount, e.g. 5000";
    const body = {
      client: clientMode === "existing" ? { mode: "existing" as const, clientId: chosen?.id ?? "" } : { mode: "new" as const, name: clientName.trim() },
      contact: contactMode === "existing" ? { mode: "existing" as const, contactId } : { mode: contactMode },
      deal: withDeal
        ? {
            title: dealTitle.trim(),
            valueMinor: valueMinor ?? 0,
            currency,
            expectedCloseDate: closeDate || null,
            ...(pipeline ? { pipelineId: pipeline.id, ...(stage ? { stageId: stage.id } : {}) } : {}),
          }
        : null,
    };
    const parsed = ConvertLeadBody.safeParse(body);
    if (!parsed.success) for (const issue of parsed.error.issues) local[fieldOf(issue.path.join("."))] ??= issue.message;
    setErrors(local);
    if (Object.keys(local).length > 0 || !parsed.success) return;
    convert.mutate(
      { id: lead.id, body: parsed.data },
      {
        onSuccess: (result) => {
          const name = clientMode === "existing" ? (chosen?.name ?? "the client") : clientName.trim();
          toast.success(`${lead.name} was converted into ${name}${result.dealId ? " with a new deal" : ""}.`);
          setOpen(false);
          onConverted(result, name);
        },
        onError: (error) => {
          const next: Errors = {};
          if (isApiError(error)) for (const issue of error.details?.issues ?? []) next[fieldOf(issue.path)] ??= issue.message;
          next.form ??= Object.keys(next).length === 0 ? errorMessage(error) : undefined;
          setErrors(next);
        },
      },
    );
  };

  const clientRows = clients.data?.data ?? [];
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) reset();
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <ArrowRightLeft aria-hidden />
          Convert
        </Button>
      </DialogTrigger>
      <DialogContent title={`Convert ${lead.name}`} description="Turn this lead into a client, a contact and, if you like, a deal. Its history moves with it." className="max-w-2xl">
        <form onSubmit={submit} noValidate className="space-y-5">
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}

          <fieldset className="space-y-3">
            <legend className="mb-2 text-sm font-semibold text-zinc-900">Client</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              <Choice name="client-mode" value="new" checked={clientMode === "new"} onChange={() => { setClientMode("new"); if (contactMode === "existing") setContactMode("new"); }} label="Create a new client" />
              <Choice name="client-mode" value="existing" checked={clientMode === "existing"} onChange={() => setClientMode("existing")} label="Link an existing client" />
            </div>
            {clientMode === "new" ? (
              <FormField label="Client name" error={errors.clientName}>
                {(f) => <Input {...f} value={clientName} onChange={(e) => setClientName(e.target.value)} autoComplete="off" />}
              </FormField>
            ) : (
              <div className="space-y-2">
                <SearchField value={query} onChange={setQuery} label="Find a client" placeholder="Search clients by name" />
                <div role="radiogroup" aria-label="Matching clients" className="max-h-48 overflow-y-auto rounded-lg border border-zinc-200" data-testid="convert-client-results">
                  {clients.isPending ? (
                    <div className="space-y-2 p-3">
                      <Skeleton className="h-4 w-2/3" />
                      <Skeleton className="h-4 w-1/2" />
                    </div>
                  ) : clientRows.length === 0 ? (
                    <p className="p-3 text-sm text-zinc-500">No clients match “{debounced}”. Create a new client instead.</p>
                  ) : (
                    clientRows.map((c) => (
                      <label key={c.id} className="flex cursor-pointer items-center gap-2 border-b border-zinc-100 px-3 py-2 text-sm last:border-b-0 hover:bg-zinc-50">
                        <input
                          type="radio"
                          name="convert-client"
                          checked={chosen?.id === c.id}
                          onChange={() => {
                            setChosen({ id: c.id, name: c.name });
                            setContactId("");
                          }}
                          className="size-4 accent-[var(--brand)]"
                        />
                        <span className="font-medium text-zinc-900">{c.name}</span>
                        {c.industry ? <span className="text-zinc-500">· {c.industry}</span> : null}
                      </label>
                    ))
                  )}
                </div>
                {errors.client ? (
                  <p className="text-xs font-medium text-red-600" role="alert">
                    {errors.client}
                  </p>
                ) : chosen ? (
                  <p className="text-xs text-zinc-500">Linking to {chosen.name}.</p>
                ) : null}
              </div>
            )}
          </fieldset>

          <fieldset className="space-y-3">
            <legend className="mb-2 text-sm font-semibold text-zinc-900">Contact</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              <Choice name="contact-mode" value="new" checked={contactMode === "new"} onChange={() => setContactMode("new")} label="New contact from this lead" />
              <Choice
                name="contact-mode"
                value="existing"
                checked={contactMode === "existing"}
                onChange={() => setContactMode("existing")}
                label="An existing contact of the client"
                disabled={clientMode === "new" || !chosen}
              />
              <Choice name="contact-mode" value="none" checked={contactMode === "none"} onChange={() => setContactMode("none")} label="No contact" />
            </div>
            {contactMode === "existing" && chosen ? (
              <FormField label="Contact" error={errors.contact}>
                {(f) =>
                  contacts.isPending ? (
                    <Skeleton className="h-9 w-full" />
                  ) : (contacts.data?.data.length ?? 0) === 0 ? (
                    <NativeSelect {...f} disabled>
                      <option>{chosen.name} has no contacts yet</option>
                    </NativeSelect>
                  ) : (
                    <NativeSelect {...f} value={contactId} onChange={(e) => setContactId(e.target.value)}>
                      <option value="">Choose a contact…</option>
                      {contacts.data?.data.map((c) => (
                        <option key={c.id} value={c.id}>
                          {`${c.firstName} ${c.lastName ?? ""}`.trim()}
                          {c.email ? ` · ${c.email}` : ""}
                        </option>
                      ))}
                    </NativeSelect>
                  )
                }
              </FormField>
            ) : errors.contact ? (
              <p className="text-xs font-medium text-red-600" role="alert">
                {errors.contact}
              </p>
            ) : null}
          </fieldset>

          <fieldset className="space-y-3">
            <legend className="sr-only">Deal</legend>
            <div className="flex items-center gap-2">
              <Checkbox id={dealId} checked={withDeal} onChange={(e) => setWithDeal(e.target.checked)} />
              <label htmlFor={dealId} className="text-sm font-semibold text-zinc-900">
                Also open a deal
              </label>
            </div>
            {withDeal ? (
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField label="Deal title" error={errors.dealTitle} className="sm:col-span-2">
                  {(f) => <Input {...f} value={dealTitle} onChange={(e) => setDealTitle(e.target.value)} autoComplete="off" />}
                </FormField>
                <div className="grid grid-cols-[1fr_6.5rem] gap-2">
                  <FormField label="Value" error={errors.dealValue}>
                    {(f) => <Input {...f} inputMode="decimal" placeholder="0.00" value={dealValue} onChange={(e) => setDealValue(e.target.value)} autoComplete="off" />}
                  </FormField>
                  <FormField label="Currency">
                    {(f) => (
                      <NativeSelect {...f} value={currency} onChange={(e) => setCurrency(e.target.value as Currency)}>
                        {CURRENCIES.map((c) => (
                          <option key={c} value={c}>
                            {c}
                          </option>
                        ))}
                      </NativeSelect>
                    )}
                  </FormField>
                </div>
                <FormField label="Expected close date" error={errors.dealClose}>
                  {(f) => <Input {...f} type="date" value={closeDate} onChange={(e) => setCloseDate(e.target.value)} />}
                </FormField>
                {pipelineList && pipelineList.length > 0 ? (
                  <>
                    <FormField label="Pipeline">
                      {(f) => (
                        <NativeSelect
                          {...f}
                          value={pipeline?.id ?? ""}
                          onChange={(e) => {
                            setPipelineId(e.target.value);
                            setStageId("");
                          }}
                        >
                          {pipelineList.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.name}
                            </option>
                          ))}
                        </NativeSelect>
                      )}
                    </FormField>
                    <FormField label="Stage">
                      {(f) => (
                        <NativeSelect {...f} value={stage?.id ?? ""} onChange={(e) => setStageId(e.target.value)}>
                          {pipeline?.stages.map((s) => (
                            <option key={s.id} value={s.id}>
                              {s.name}
                            </option>
                          ))}
                        </NativeSelect>
                      )}
                    </FormField>
                  </>
                ) : pipelines.isPending ? null : (
                  <p className="self-end pb-2 text-xs text-zinc-500">The deal goes into your first pipeline's first stage.</p>
                )}
              </div>
            ) : null}
          </fieldset>

          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={convert.isPending}>
              Convert lead
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
