import { StageInput, type PipelineStageDto } from "@shared/contracts/pipelines";
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { ApiError, errorMessage } from "@/lib/api-client";
import { issueField } from "@/lib/form-errors";
import { useDeleteStage } from "../api/delete-stage";
import { useUpdateStage } from "../api/update-stage";

/** Issues of a zod result keyed by the first path segment. */
export function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[String(issue.path[0] ?? "")] ??= issue.message;
  return out;
}

/**
 * Shows a failed save: the API's field issues (e.g. "This pipeline already has a stage called …") under
 * their fields through `setErrors`, anything else as a toast.
 */
export function showSaveError(err: unknown, setErrors: (errors: Record<string, string>) => void): void {
  const out: Record<string, string> = {};
  if (err instanceof ApiError) for (const issue of err.details?.issues ?? []) out[issueField(issue.path).split(".")[0] ?? ""] ??= issue.message;
  if (Object.keys(out).length > 0) setErrors(out);
  else toast.error(errorMessage(err));
}

/** One stage: name and probability (saved together), move up/down, delete. */
export function StageRow({
  pipelineId,
  stage,
  index,
  count,
  onMove,
  moving,
}: {
  pipelineId: string;
  stage: PipelineStageDto;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  moving: boolean;
}) {
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState(String(stage.probability));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirm, setConfirm] = useState(false);
  const update = useUpdateStage();
  const remove = useDeleteStage();
  useEffect(() => {
    setName(stage.name);
    setProbability(String(stage.probability));
  }, [stage.name, stage.probability]);
  const dirty = name !== stage.name || probability !== String(stage.probability);
  const deals = stage.dealCount ?? 0;
  // Why delete is off (the API would answer 409): said on hover and to screen readers.
  const cannotDelete = count === 1 ? "A pipeline needs at least one stage." : deals > 0 ? `This stage holds ${deals} deal${deals === 1 ? "" : "s"}: move them to another stage first.` : null;

  const save = (e: FormEvent) => {
    e.preventDefault();
    const parsed = StageInput.safeParse({ name, probability: probability.trim() === "" ? Number.NaN : Number(probability) });
    setErrors(fieldErrors(parsed));
    if (!parsed.success) return;
    update.mutate({ pipelineId, stageId: stage.id, body: parsed.data }, { onSuccess: () => toast.success(`Stage “${parsed.data.name}” saved.`), onError: (err) => showSaveError(err, setErrors) });
  };

  return (
    <li className="flex flex-col gap-2 py-2 sm:flex-row sm:items-start">
      <form onSubmit={save} noValidate className="flex flex-1 flex-wrap items-start gap-2">
        <div className="min-w-40 flex-1">
          <Input aria-label={`Name of stage ${index + 1}`} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} />
          {errors.name ? <p className="mt-1 text-xs font-medium text-red-600" role="alert">{errors.name}</p> : null}
        </div>
        <div className="w-28">
          <div className="relative">
            <Input
              aria-label={`Win probability of ${stage.name} (%)`}
              inputMode="numeric"
              value={probability}
              onChange={(e) => setProbability(e.target.value)}
              aria-invalid={!!errors.probability}
              className="pr-7"
            />
            <span className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs text-zinc-400">%</span>
          </div>
          {errors.probability ? <p className="mt-1 text-xs font-medium text-red-600" role="alert">{errors.probability}</p> : null}
        </div>
        <Button type="submit" variant="secondary" size="sm" disabled={!dirty} loading={update.isPending}>
          Save
        </Button>
      </form>
      <div className="flex gap-1">
        <Button variant="ghost" size="sm" aria-label={`Move ${stage.name} up`} disabled={index === 0 || moving} onClick={() => onMove(index, index - 1)}>
          <ArrowUp aria-hidden />
        </Button>
        <Button variant="ghost" size="sm" aria-label={`Move ${stage.name} down`} disabled={index === count - 1 || moving} onClick={() => onMove(index, index + 1)}>
          <ArrowDown aria-hidden />
        </Button>
        <span title={cannotDelete ?? undefined} data-testid="delete-stage-wrapper">
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Delete stage ${stage.name}`}
            aria-description={cannotDelete ?? undefined}
            disabled={!!cannotDelete}
            onClick={() => setConfirm(true)}
          >
            <Trash2 aria-hidden />
          </Button>
        </span>
      </div>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={`Delete the stage “${stage.name}”?`}
        description="Only an empty stage can be deleted: move its deals to another stage first. Deals that passed through it keep it in their stage history as a deleted stage."
        confirmLabel="Delete stage"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(
            { pipelineId, stageId: stage.id },
            {
              onSuccess: () => {
                setConfirm(false);
                toast.success(`Stage “${stage.name}” deleted.`);
              },
              onError: (err) => {
                setConfirm(false);
                toast.error(errorMessage(err));
              },
            },
          )
        }
      />
    </li>
  );
}
