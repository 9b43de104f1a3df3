import {
  DEFAULT_MATCH_KEYS,
  type DuplicateStrategy,
  type ImportDto,
  type ImportEntity,
  type ImportMatchKey,
  type UploadImportResponse,
} from "@shared/contracts/imports";
import { ArrowLeft, Play, ShieldCheck } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { errorMessage, isApiError } from "@/lib/api-client";
import { cn } from "@/lib/cn";
import { isChecking, useImport } from "../api/get-import";
import { useCheckImport, useStartImport } from "../api/import-actions";
import { useUploadImport } from "../api/upload-import";
import { DryRunProgress, DryRunResults } from "./dry-run-results";
import { DuplicateOptions } from "./duplicate-options";
import { FileDropZone } from "./file-drop-zone";
import { count, ENTITY_LABELS } from "./import-labels";
import { MappingTable } from "./mapping-table";

const STEPS = ["Choose a file", "Map columns", "Check and start"] as const;

/** The import wizard: record type and file → column mapping and duplicates → dry run → start. */
export function ImportWizard({ entities, initialEntity, onStarted }: { entities: ImportEntity[]; initialEntity: ImportEntity; onStarted: (imp: ImportDto) => void }) {
  const [entity, setEntity] = useState<ImportEntity>(initialEntity);
  const [uploaded, setUploaded] = useState<UploadImportResponse | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [strategy, setStrategy] = useState<DuplicateStrategy>("skip");
  const [matchOn, setMatchOn] = useState<ImportMatchKey[]>([...DEFAULT_MATCH_KEYS[initialEntity]]);
  // The import once its check was queued; polled while the check's job runs.
  const [checkedId, setCheckedId] = useState<string | null>(null);
  const [sent, setSent] = useState(0);
  const upload = useUploadImport();
  const check = useCheckImport();
  const start = useStartImport();
  const checkedQuery = useImport(checkedId ?? "");
  const checked = checkedId ? (checkedQuery.data ?? null) : null;
  const step = !uploaded ? 0 : !checkedId ? 1 : 2;

  const onFile = (file: File) => {
    setSent(0);
    upload.mutate(
      { entityType: entity, file, onProgress: (loaded, total) => setSent(total ? Math.round((loaded / total) * 100) : 0) },
      {
        onSuccess: (res) => {
          setUploaded(res);
          setMapping(res.suggestedMapping);
          setStrategy(res.data.duplicateStrategy);
          setMatchOn(res.data.matchOn);
        },
      },
    );
  };
  const issues = isApiError(check.error, "validation_failed") ? (check.error.details?.issues ?? []) : [];
  const columnErrors = new Map(issues.flatMap((i) => (/^body\.mapping\.\d+$/.test(i.path) ? [[Number(i.path.split(".")[2]), i.message] as const] : [])));
  const generalErrors = issues.filter((i) => !/^body\.mapping\.\d+$/.test(i.path)).map((i) => i.message);
  const required = uploaded?.targets.filter((t) => t.required && !mapping.includes(t.key)) ?? [];

  return (
    <div className="space-y-6">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={i === step ? "step" : undefined}
            className={cn("rounded-full px-3 py-1", i === step ? "bg-brand text-brand-foreground" : i < step ? "bg-brand-soft text-brand-strong" : "bg-zinc-100 text-zinc-500")}
          >
            {i + 1}. {s}
          </li>
        ))}
      </ol>

      {step === 0 ? (
        <Card>
          <CardHeader title="What are you importing?" description="Each row of the file becomes one record." />
          <CardBody className="space-y-5">
            <fieldset className="flex flex-wrap gap-2">
              <legend className="sr-only">Record type</legend>
              {entities.map((e) => (
                <label
                  key={e}
                  className={cn(
                    "flex cursor-pointer items-center gap-2 rounded-lg border px-4 py-2 text-sm",
                    entity === e ? "border-brand bg-brand-soft text-brand-strong" : "border-zinc-200 text-zinc-700 hover:bg-zinc-50",
                  )}
                >
                  <input
                    type="radio"
                    name="entity"
                    className="size-4 accent-[var(--color-brand)]"
                    checked={entity === e}
                    onChange={() => {
                      setEntity(e);
                      setMatchOn([...DEFAULT_MATCH_KEYS[e]]);
                    }}
                  />
                  {ENTITY_LABELS[e].many}
                </label>
              ))}
            </fieldset>
            <FileDropZone onFile={onFile} disabled={upload.isPending} />
            {upload.isPending ? <p className="text-sm text-zinc-500" role="status">{sent < 100 ? `Uploading… ${sent}%` : "Reading the file…"}</p> : null}
            {upload.error ? <Alert tone="error">{isApiError(upload.error, "validation_failed") ? (upload.error.details?.issues?.[0]?.message ?? upload.error.message) : errorMessage(upload.error)}</Alert> : null}
          </CardBody>
        </Card>
      ) : null}

      {step === 1 && uploaded ? (
        <>
          <Card>
            <CardHeader
              title="Map the columns"
              description={`${uploaded.data.fileName}: ${count(uploaded.data.counts.total)} rows of ${ENTITY_LABELS[entity].many.toLowerCase()}. Suggestions come from the column names; pick "Don't import" to leave a column out.`}
            />
            <MappingTable
              headers={uploaded.data.headers}
              sample={uploaded.sample}
              targets={uploaded.targets}
              mapping={mapping}
              errors={columnErrors}
              onChange={(i, t) => setMapping((m) => m.map((x, k) => (k === i ? t : x)))}
            />
          </Card>
          <Card>
            <CardHeader title="Duplicates" />
            <CardBody>
              <DuplicateOptions entity={entity} strategy={strategy} matchOn={matchOn} onStrategy={setStrategy} onMatchOn={setMatchOn} />
            </CardBody>
          </Card>
          {required.length ? <Alert tone="info">Map a column to {required.map((r) => r.label).join(" and ")} to continue.</Alert> : null}
          {generalErrors.length ? (
            <Alert tone="error">
              <ul>
                {generalErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {check.error && !issues.length ? <Alert tone="error">{errorMessage(check.error)}</Alert> : null}
          <div className="flex flex-wrap justify-between gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                setUploaded(null);
                check.reset();
              }}
            >
              <ArrowLeft aria-hidden />
              Choose another file
            </Button>
            <Button
              loading={check.isPending}
              disabled={required.length > 0}
              onClick={() => check.mutate({ id: uploaded.data.id, body: { mapping, duplicateStrategy: strategy, matchOn } }, { onSuccess: (imp) => setCheckedId(imp.id) })}
            >
              <ShieldCheck aria-hidden />
              Check the file
            </Button>
          </div>
        </>
      ) : null}

      {step === 2 ? (
        <>
          {checked && isChecking(checked) ? (
            <Card>
              <CardHeader title="Checking every row…" description="Each row is validated and compared with your records. Nothing is written." />
              <CardBody>
                <DryRunProgress imp={checked} />
              </CardBody>
            </Card>
          ) : checked?.status === "dry_run" && checked.dryRun ? (
            <Card>
              <CardHeader title="Dry run" description="Every row was validated and compared with your records. Nothing has been written yet." />
              <CardBody>
                <DryRunResults result={checked.dryRun} />
              </CardBody>
            </Card>
          ) : checked?.error ? (
            <Alert tone="error">{checked.error}</Alert>
          ) : checkedQuery.isError ? (
            <Alert tone="error">{errorMessage(checkedQuery.error)}</Alert>
          ) : null}
          {start.error ? <Alert tone="error">{errorMessage(start.error)}</Alert> : null}
          <div className="flex flex-wrap justify-between gap-2">
            <Button variant="secondary" onClick={() => setCheckedId(null)}>
              <ArrowLeft aria-hidden />
              Back to mapping
            </Button>
            {checked?.status === "dry_run" && checked.dryRun ? (
              <Button loading={start.isPending} disabled={checked.dryRun.valid === 0} onClick={() => start.mutate(checked.id, { onSuccess: onStarted })}>
                <Play aria-hidden />
                Start import
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
