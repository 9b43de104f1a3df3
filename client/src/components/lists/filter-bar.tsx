import { X } from "lucide-react";
import { type ReactNode, useCallback } from "react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { SearchField } from "@/components/ui/search-field";
import { cn } from "@/lib/cn";
import { useUrlSyncedText } from "@/lib/use-url-synced-text";

/**
 * A list's filter bar: the search box, the page's own filters, an optional tag box, and "Clear filters"
 * while anything is applied. Typing updates the URL once the user pauses; URL changes (back button,
 * clear, a saved view) update the boxes.
 */
export function FilterBar({
  search,
  tag,
  onChange,
  onClear,
  active,
  className,
  children,
  after,
}: {
  search: { value: string; label: string; placeholder: string };
  /** The tag box; omit for lists without tags. */
  tag?: { value: string; className?: string };
  onChange: (patch: { q?: string; tag?: string }) => void;
  onClear: () => void;
  active: boolean;
  /** Classes of the group that holds the filters (its grid on small screens). */
  className?: string;
  /** Filters before the tag box. */
  children?: ReactNode;
  /** Filters after the tag box. */
  after?: ReactNode;
}) {
  const commitQ = useCallback((q: string) => onChange({ q }), [onChange]);
  const commitTag = useCallback((t: string) => onChange({ tag: t }), [onChange]);
  const [q, setQ] = useUrlSyncedText(search.value, commitQ);
  const [tagText, setTag] = useUrlSyncedText(tag?.value ?? "", commitTag, 400);
  const filters = children || tag || after;
  return (
    <div className="flex flex-col gap-2 border-b border-zinc-100 p-4 lg:flex-row lg:items-center">
      <SearchField value={q} onChange={setQ} label={search.label} placeholder={search.placeholder} />
      {filters ? (
        <div className={cn("grid grid-cols-2 gap-2 sm:grid-cols-3 lg:flex lg:items-center", className)}>
          {children}
          {tag ? <Input value={tagText} onChange={(e) => setTag(e.target.value)} placeholder="Tag" aria-label="Tag" className={tag.className ?? "lg:w-32"} /> : null}
          {after}
        </div>
      ) : null}
      {active ? (
        <Button variant="ghost" size="sm" onClick={onClear}>
          <X aria-hidden />
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}

/** The "Owner" filter: anyone, optionally "Unassigned", or one person. */
export function OwnerFilter({
  value,
  onChange,
  members,
  unassigned = false,
  className = "lg:w-44",
}: {
  value: string;
  onChange: (value: string) => void;
  members: readonly { id: string; name: string }[];
  /** Offer "Unassigned" (value "unassigned"). */
  unassigned?: boolean;
  className?: string;
}) {
  return (
    <NativeSelect aria-label="Owner" value={value} onChange={(e) => onChange(e.target.value)} className={className}>
      <option value="">Any owner</option>
      {unassigned ? <option value="unassigned">Unassigned</option> : null}
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </NativeSelect>
  );
}
