import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A form label. */
export function Label({ className, htmlFor, children, ...props }: ComponentProps<"label">) {
  return (
    <label htmlFor={htmlFor} className={cn("text-sm font-medium text-zinc-800", className)} {...props}>
      {children}
    </label>
  );
}
