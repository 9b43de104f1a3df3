import { type ClientDto, PORTAL_SECTIONS } from "@shared/contracts/clients";
import { useId } from "react";
import { toast } from "sonner";
import { Card, CardHeader } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { errorMessage } from "@/lib/api-client";
import { useUpdatePortalSettings } from "../api/update-portal-settings";

export const PORTAL_SECTION_TEXT: Record<(typeof PORTAL_SECTIONS)[number], { label: string; description: string }> = {
  tasks: { label: "Tasks", description: "Work in progress and what's waiting on the client" },
  invoices: { label: "Invoices", description: "Invoices and payment status" },
  tickets: { label: "Tickets", description: "Support requests from the client" },
  messages: { label: "Messages", description: "Conversations with your team" },
  reports: { label: "Reports", description: "Performance reports you share" },
};

/** One switch per portal section; each change is saved at once. */
export function ClientPortalCard({ client }: { client: ClientDto }) {
  const update = useUpdatePortalSettings();
  const baseId = useId();
  const canManage = client.abilities.managePortal;
  return (
    <Card>
      <CardHeader
        title="Client portal"
        description={canManage ? "Choose what this client's portal users can see. Changes apply immediately." : "Only people who manage the portal can change these."}
      />
      <ul className="divide-y divide-zinc-100">
        {PORTAL_SECTIONS.map((section) => {
          const text = PORTAL_SECTION_TEXT[section];
          const id = `${baseId}-${section}`;
          const pendingHere = update.isPending && update.variables?.body[section] !== undefined;
          return (
            <li key={section} className="flex items-center justify-between gap-4 px-5 py-3.5">
              <div className="min-w-0">
                <label htmlFor={id} className="text-sm font-medium text-zinc-900">
                  {text.label}
                </label>
                <p id={`${id}-d`} className="text-xs text-zinc-500">
                  {text.description}
                </p>
              </div>
              <Switch
                id={id}
                aria-describedby={`${id}-d`}
                checked={pendingHere ? !!update.variables?.body[section] : client.portalSettings[section]}
                disabled={!canManage || update.isPending}
                onCheckedChange={(on) =>
                  update.mutate(
                    { id: client.id, body: { [section]: on } },
                    {
                      onSuccess: () => toast.success(`${text.label} ${on ? "shown in" : "hidden from"} the portal.`),
                      onError: (error) => toast.error(errorMessage(error)),
                    },
                  )
                }
              />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
