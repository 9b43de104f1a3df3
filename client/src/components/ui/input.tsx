import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export const fieldClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400 focus-visible:border-brand focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand/30 disabled:cursor-not-allowed disabled:bg-zinc-100 disabled:text-zinc-500 aria-invalid:border-red-500 aria-invalid:focus-visible:outline-red-500/30";

/** A text input. */
export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} className={cn(fieldClass, "h-9", className)} {...props} />;
}

/** A multi-line text input. */
export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(fieldClass, "min-h-20 py-2", className)} {...props} />;
}

/** A native select, styled to match inputs (native keeps it accessible and light). */
export function NativeSelect({ className, children, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        fieldClass,
        "select-chevron h-9 appearance-none pr-8",
        className,
      )}
      {...props}
    >
      {children}
    </select>
  );
}

/** A native checkbox with the brand accent. */
export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <input
      type="checkbox"
      className={cn("size-4 rounded border-zinc-300 accent-[var(--brand)] disabled:cursor-not-allowed disabled:opacity-60", className)}
      {...props}
    />
  );
}
