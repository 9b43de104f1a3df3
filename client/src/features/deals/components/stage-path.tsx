import type { DealDto } from "@shared/contracts/deals";
import type { StageDto } from "@shared/contracts/pipelines";
import { Check } from "lucide-react";
import { toast } from "sonner";
import { errorMessage } from "@/lib/api-client";
import { cn } from "@/lib/cn";
import { useMoveDeal } from "../api/move-deal";

/** The pipeline's stages as a path; clicking a stage moves an open deal there. */
export function StagePath({ deal, stages }: { deal: DealDto; stages: StageDto[] }) {
  const move = useMoveDeal();
  const current = stages.findIndex((s) => s.id === deal.stage.id);
  const canMove = deal.abilities.update && deal.status === "open";
  return (
    <nav aria-label="Stages">
      <ol className="flex flex-wrap gap-1">
        {stages.map((s, i) => {
          const here = s.id === deal.stage.id;
          const passed = i < current;
          return (
            <li key={s.id}>
              <button
                type="button"
                disabled={!canMove || here || move.isPending}
                aria-current={here ? "step" : undefined}
                onClick={() =>
                  move.mutate(
                    { id: deal.id, body: { stageId: s.id } },
                    { onSuccess: () => toast.success(`Moved to ${s.name}.`), onError: (err) => toast.error(errorMessage(err)) },
                  )
                }
                title={canMove && !here ? `Move to ${s.name}` : undefined}
                className={cn(
                  "inline-flex items-center gap-1 rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset transition-colors",
                  here ? "bg-brand text-brand-foreground ring-brand" : passed ? "bg-brand-soft text-brand-strong ring-brand/20" : "bg-white text-zinc-600 ring-zinc-200",
                  canMove && !here && "hover:bg-zinc-100",
                  "disabled:cursor-default",
                )}
              >
                {passed ? <Check className="size-3" aria-hidden /> : null}
                {s.name}
                <span className="opacity-70">{s.probability}%</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
