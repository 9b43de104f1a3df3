import { LOGGED_KINDS } from "@shared/contracts/activities";
import { AtSign, X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { errorMessage, isApiError } from "@/lib/api-client";
import type { TimelineTarget } from "../api/activities-keys";
import { useCreateActivity } from "../api/create-activity";
import { MentionTextarea, type Person } from "./mention-textarea";

type Kind = (typeof LOGGED_KINDS)[number];
const KIND_LABELS: Record<Kind, string> = { note: "Note", call: "Call", meeting: "Meeting", email: "Email" };

/** Log a note, call, meeting or email, with @mentions and an optional time it happened. */
export function ActivityComposer({ target, people }: { target: TimelineTarget; people: Person[] }) {
  const [kind, setKind] = useState<Kind>("note");
  const [body, setBody] = useState("");
  const [occurredAt, setOccurredAt] = useState("");
  const [mentioned, setMentioned] = useState<Person[]>([]);
  const [error, setError] = useState<string | undefined>();
  const create = useCreateActivity();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setError("Write something");
      return;
    }
    // Only people whose @Name is still in the text are notified.
    const mentionIds = mentioned.filter((p) => body.includes(`@${p.name}`)).map((p) => p.id);
    create.mutate(
      {
        ...target,
        kind,
        body: body.trim(),
        mentionIds,
        occurredAt: occurredAt ? new Date(occurredAt).toISOString() : undefined,
      },
      {
        onSuccess: () => {
          setBody("");
          setOccurredAt("");
          setMentioned([]);
          setError(undefined);
          toast.success(`${KIND_LABELS[kind]} added to the timeline.`);
        },
        // Say which field and why (e.g. a mentioned person who can't see this record), not just "Some fields are not valid."
        onError: (err) => setError(isApiError(err, "validation_failed") && err.details?.issues?.length ? err.details.issues.map((i) => i.message).join(" ") : errorMessage(err)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3 border-b border-zinc-100 px-5 py-4" aria-label="Log an activity">
      <div className="grid grid-cols-2 gap-3 sm:flex">
        <FormField label="Type" className="sm:w-36">
          {(f) => (
            <NativeSelect {...f} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {LOGGED_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <FormField label="When (optional)" className="sm:w-56">
          {(f) => <Input {...f} type="datetime-local" value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} />}
        </FormField>
      </div>
      <FormField label="What happened" error={error}>
        {(f) => (
          <MentionTextarea
            {...f}
            value={body}
            onChange={(v) => {
              setBody(v);
              if (error) setError(undefined);
            }}
            people={people}
            onMention={(p) => setMentioned((prev) => (prev.some((m) => m.id === p.id) ? prev : [...prev, p]))}
          />
        )}
      </FormField>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
          {mentioned.length > 0 ? (
            <>
              <AtSign className="size-3.5" aria-hidden />
              Notifies
              {mentioned.map((p) => (
                <span key={p.id} className="inline-flex items-center gap-1 rounded-full bg-brand-soft px-2 py-0.5 text-brand-strong">
                  {p.name}
                  <button
                    type="button"
                    className="rounded-full hover:bg-white/60"
                    aria-label={`Don't notify ${p.name}`}
                    onClick={() => setMentioned((prev) => prev.filter((m) => m.id !== p.id))}
                  >
                    <X className="size-3" aria-hidden />
                  </button>
                </span>
              ))}
            </>
          ) : (
            <span>Type @ to mention a teammate; they get an email.</span>
          )}
        </div>
        <Button type="submit" size="sm" loading={create.isPending}>
          Add to timeline
        </Button>
      </div>
    </form>
  );
}
