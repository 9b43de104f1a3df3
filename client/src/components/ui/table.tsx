import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A table that scrolls sideways on small screens. */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto">
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-zinc-200 bg-zinc-50/80 text-xs text-zinc-500", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-zinc-100", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("transition-colors hover:bg-zinc-50/70", className)} {...props} />;
}

export function TH({ className, ...props }: ComponentProps<"th">) {
  return <th scope="col" className={cn("px-4 py-2.5 font-medium whitespace-nowrap", className)} {...props} />;
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 align-middle text-zinc-700", className)} {...props} />;
}

/** A column header that sorts the table; announces its direction via aria-sort. */
export function SortableTH({
  label,
  active,
  order,
  onSort,
  className,
}: {
  label: string;
  active: boolean;
  order: "asc" | "desc";
  onSort: () => void;
  className?: string;
}) {
  const Icon = !active ? ArrowUpDown : order === "asc" ? ArrowUp : ArrowDown;
  return (
    <TH className={className} aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}>
      <button
        type="button"
        onClick={onSort}
        className={cn("-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-zinc-900", active && "text-zinc-900")}
      >
        {label}
        <Icon className={cn("size-3.5", !active && "text-zinc-300")} aria-hidden />
      </button>
    </TH>
  );
}

/** The button inside a sortable header cell (for tables that render their own `<th>`, e.g. VirtualTable). */
export function SortButton({ label, active, order, onSort }: { label: string; active: boolean; order: "asc" | "desc"; onSort: () => void }) {
  const Icon = !active ? ArrowUpDown : order === "asc" ? ArrowUp : ArrowDown;
  return (
    <button type="button" onClick={onSort} className={cn("-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-zinc-900", active && "text-zinc-900")}>
      {label}
      <Icon className={cn("size-3.5", !active && "text-zinc-300")} aria-hidden />
    </button>
  );
}

/** The `aria-sort` value of a header. */
export function ariaSort(active: boolean, order: "asc" | "desc"): "ascending" | "descending" | "none" {
  return active ? (order === "asc" ? "ascending" : "descending") : "none";
}
