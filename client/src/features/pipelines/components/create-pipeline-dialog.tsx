import { CreatePipelineBody } from "@shared/contracts/pipelines";
import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useCreatePipeline } from "../api/create-pipeline";
import { fieldErrors, showSaveError } from "./stage-row";

/** "New pipeline": a name and rotting days; it starts with the standard five stages. */
export function CreatePipelineDialog() {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [rotting, setRotting] = useState("14");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreatePipeline();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = CreatePipelineBody.safeParse({ name, rottingDays: rotting.trim() === "" ? null : Number(rotting) });
    setErrors(fieldErrors(parsed));
    if (!parsed.success) return;
    create.mutate(parsed.data, {
      onSuccess: (p) => {
        toast.success(`${p.name} created.`);
        setOpen(false);
        setName("");
      },
      onError: (err) => showSaveError(err, setErrors),
    });
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New pipeline
        </Button>
      </DialogTrigger>
      <DialogContent title="New pipeline" description="It starts with the standard stages; rename, reorder or add stages afterwards.">
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormField label="Name" error={errors.name}>
            {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Retainers" />}
          </FormField>
          <FormField label="Rotting after (days)" error={errors.rottingDays} hint="Open deals with no activity for this long are flagged. Empty: never.">
            {(p) => <Input {...p} inputMode="numeric" value={rotting} onChange={(e) => setRotting(e.target.value)} />}
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={create.isPending}>
              Create pipeline
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
