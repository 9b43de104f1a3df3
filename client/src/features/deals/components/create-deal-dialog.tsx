import { zodResolver } from "@hookform/resolvers/zod";
import { pipelineScopeOf } from "@shared/constants/roles";
import type { DealDefaultOwnerResponse } from "@shared/contracts/deals";
import type { StageDto } from "@shared/contracts/pipelines";
import { Plus } from "lucide-react";
import { useMemo, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/api-client";
import { useCurrentUser } from "@/lib/auth";
import { customFieldPaths, useCustomFieldsSlot } from "@/lib/custom-fields";
import { applyFieldErrors } from "@/lib/form-errors";
import { useCreateDeal } from "../api/create-deal";
import { useDefaultDealOwner } from "../api/get-default-owner";
import { DealFormFields } from "./deal-form-fields";
import { createDealBody, DEAL_FORM_FIELDS, dealFormSchema, dealFormValues, toDealFormError } from "./deal-form-schema";

/** "New deal" and its dialog: on a client (with one of its contacts) or a lead, in a stage of the pipeline. */
export function CreateDealDialog({
  pipelineId,
  stages,
  members,
  canPickLead,
  onCreated,
}: {
  pipelineId: string | undefined;
  stages: StageDto[];
  members: { id: string; name: string }[];
  canPickLead: boolean;
  onCreated?: (id: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const create = useCreateDeal();
  const { definitions, Inputs } = useCustomFieldsSlot("deal");
  const resolver = useMemo(() => zodResolver(dealFormSchema(definitions)), [definitions]);
  const defaults = () => ({ ...dealFormValues(null, definitions), stageId: stages[0]?.id ?? "" });
  const form = useForm({ resolver, defaultValues: defaults() });
  const [fieldError, setFieldError] = useState(false);
  const me = useCurrentUser();
  // People who reach only their own deals own what they create: no one else to pick.
  const ownOnly = pipelineScopeOf(me.user.role, me.workspace.staffPipelineScope) === "own";
  const client = form.watch("client");
  const lead = form.watch("lead");
  const defaultOwner = useDefaultDealOwner({ clientId: client?.id, leadId: lead?.id }, open);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    form.reset(defaults());
    if (!next) {
      create.reset();
      setFieldError(false);
    }
  };

  const submit = form.handleSubmit((values) =>
    create.mutate(createDealBody(values, definitions, pipelineId), {
      onSuccess: (deal) => {
        toast.success(`${deal.title} was added to ${deal.stage.name}.`);
        onOpenChange(false);
        onCreated?.(deal.id);
      },
      onError: (error) => setFieldError(applyFieldErrors(toDealFormError(error), form.setError, [...DEAL_FORM_FIELDS, ...customFieldPaths(definitions)])),
    }),
  );

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New deal
        </Button>
      </DialogTrigger>
      <DialogContent title="New deal" description="A title and a client or lead are required; the rest can wait.">
        <FormProvider {...form}>
          <form onSubmit={submit} noValidate className="space-y-4">
            {create.isError && !fieldError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
            <DealFormFields
              form={form}
              members={ownOnly ? [] : members}
              stages={stages}
              canPickLead={canPickLead}
              defaultOwnerLabel={ownerLabel(defaultOwner.data)}
            />
            <Inputs definitions={definitions} />
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button type="submit" loading={create.isPending}>
                Create deal
              </Button>
            </DialogFooter>
          </form>
        </FormProvider>
      </DialogContent>
    </Dialog>
  );
}

const WHY: Record<DealDefaultOwnerResponse["data"]["reason"], string> = {
  self: "you own the deals you create",
  lead_owner: "the lead's owner",
  client_owner: "the client's account owner",
  creator: "you",
};

/** "Default: Dana Lee (the lead's owner)", or a neutral label until the server has answered. */
function ownerLabel(res: DealDefaultOwnerResponse | undefined): string {
  if (!res) return "Default owner";
  const { owner, reason } = res.data;
  return reason === "creator" ? `Default: ${owner.name} (you)` : `Default: ${owner.name} (${WHY[reason]})`;
}
