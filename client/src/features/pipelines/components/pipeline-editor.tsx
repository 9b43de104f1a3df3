import { type PipelineDto, StageInput, UpdatePipelineBody } from "@shared/contracts/pipelines";
import { Plus, Trash2 } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/api-client";
import { useAddStage } from "../api/add-stage";
import { useDeletePipeline } from "../api/delete-pipeline";
import { useFreshPipelineCounts } from "../api/get-pipelines";
import { useReorderStages } from "../api/reorder-stages";
import { useUpdatePipeline } from "../api/update-pipeline";
import { fieldErrors, StageRow, showSaveError } from "./stage-row";

/** One pipeline: name, rotting days, its stages (edit, reorder, delete, add) and deleting it. */
export function PipelineEditor({ pipeline }: { pipeline: PipelineDto }) {
  // Delete is enabled or explained from the deal counts, so they must not be a cached board visit's.
  useFreshPipelineCounts();
  const [name, setName] = useState(pipeline.name);
  const [rotting, setRotting] = useState(pipeline.rottingDays === null ? "" : String(pipeline.rottingDays));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirm, setConfirm] = useState(false);
  const update = useUpdatePipeline();
  const remove = useDeletePipeline();
  const reorder = useReorderStages();
  useEffect(() => {
    setName(pipeline.name);
    setRotting(pipeline.rottingDays === null ? "" : String(pipeline.rottingDays));
  }, [pipeline.name, pipeline.rottingDays]);
  const dirty = name !== pipeline.name || rotting !== (pipeline.rottingDays === null ? "" : String(pipeline.rottingDays));

  const save = (e: FormEvent) => {
    e.preventDefault();
    const parsed = UpdatePipelineBody.safeParse({ name, rottingDays: rotting.trim() === "" ? null : Number(rotting) });
    setErrors(fieldErrors(parsed));
    if (!parsed.success) return;
    update.mutate({ id: pipeline.id, body: parsed.data }, { onSuccess: () => toast.success("Pipeline saved."), onError: (err) => showSaveError(err, setErrors) });
  };

  const deals = pipeline.dealCount ?? 0;
  const cannotDelete = deals > 0 ? `This pipeline holds ${deals} deal${deals === 1 ? "" : "s"}: move or delete them before deleting it.` : null;

  const move = (from: number, to: number) => {
    const ids = pipeline.stages.map((s) => s.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    reorder.mutate({ pipelineId: pipeline.id, stageIds: ids }, { onError: (err) => toast.error(errorMessage(err)) });
  };

  return (
    <Card>
      <CardHeader
        title={pipeline.name}
        description={`${pipeline.stages.length} stage${pipeline.stages.length === 1 ? "" : "s"} · ${deals} deal${deals === 1 ? "" : "s"}`}
        actions={
          // Why delete is off (the API would answer 409): said on hover and to screen readers.
          <span title={cannotDelete ?? undefined} data-testid="delete-pipeline-wrapper">
            <Button variant="ghost" size="sm" aria-description={cannotDelete ?? undefined} disabled={!!cannotDelete} onClick={() => setConfirm(true)}>
              <Trash2 aria-hidden />
              Delete pipeline
            </Button>
          </span>
        }
      />
      <CardBody className="space-y-5">
        <form onSubmit={save} noValidate className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
          <FormField label="Pipeline name" error={errors.name}>
            {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </FormField>
          <FormField label="Rotting after (days)" error={errors.rottingDays} hint="Empty: never flag">
            {(p) => <Input {...p} inputMode="numeric" value={rotting} onChange={(e) => setRotting(e.target.value)} />}
          </FormField>
          <Button type="submit" variant="secondary" disabled={!dirty} loading={update.isPending} className="sm:mt-6">
            Save
          </Button>
        </form>
        <div>
          <h3 className="text-sm font-medium text-zinc-900">Stages</h3>
          <p className="text-xs text-zinc-500">In order. The probability weighs each open deal's value in the forecast.</p>
          <ol className="mt-2 divide-y divide-zinc-100" aria-label={`Stages of ${pipeline.name}`}>
            {pipeline.stages.map((s, i) => (
              <StageRow key={s.id} pipelineId={pipeline.id} stage={s} index={i} count={pipeline.stages.length} onMove={move} moving={reorder.isPending} />
            ))}
          </ol>
          <AddStageForm pipelineId={pipeline.id} />
        </div>
      </CardBody>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={`Delete the pipeline “${pipeline.name}”?`}
        description="Only a pipeline without deals can be deleted. This can't be undone."
        confirmLabel="Delete pipeline"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(pipeline.id, {
            onSuccess: () => {
              setConfirm(false);
              toast.success(`${pipeline.name} deleted.`);
            },
            onError: (err) => {
              setConfirm(false);
              toast.error(errorMessage(err));
            },
          })
        }
      />
    </Card>
  );
}

function AddStageForm({ pipelineId }: { pipelineId: string }) {
  const [name, setName] = useState("");
  const [probability, setProbability] = useState("50");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddStage();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = StageInput.safeParse({ name, probability: probability.trim() === "" ? Number.NaN : Number(probability) });
    setErrors(fieldErrors(parsed));
    if (!parsed.success) return;
    add.mutate(
      { pipelineId, body: parsed.data },
      {
        onSuccess: () => {
          setName("");
          toast.success(`Stage “${parsed.data.name}” added.`);
        },
        onError: (err) => showSaveError(err, setErrors),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="mt-3 grid gap-2 border-t border-zinc-100 pt-3 sm:grid-cols-[1fr_8rem_auto] sm:items-end">
      <FormField label="New stage" error={errors.name}>
        {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Contract sent" />}
      </FormField>
      <FormField label="Probability (%)" error={errors.probability}>
        {(p) => <Input {...p} inputMode="numeric" value={probability} onChange={(e) => setProbability(e.target.value)} />}
      </FormField>
      <Button type="submit" variant="secondary" loading={add.isPending} className="sm:mb-0.5">
        <Plus aria-hidden />
        Add stage
      </Button>
    </form>
  );
}
