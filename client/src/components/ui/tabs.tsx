import { Tabs as T } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export const Tabs = T.Root;
export const TabsContent = T.Content;

/** The row of tab buttons; scrolls sideways on narrow screens instead of widening the page. */
export function TabsList({ className, ...props }: ComponentProps<typeof T.List>) {
  return (
    <T.List
      className={cn("mb-6 flex gap-1 overflow-x-auto border-b border-zinc-200", className)}
      {...props}
    />
  );
}

/** One tab button (arrow keys move between tabs). */
export function TabsTrigger({ className, ...props }: ComponentProps<typeof T.Trigger>) {
  return (
    <T.Trigger
      className={cn(
        "-mb-px inline-flex shrink-0 items-center gap-1.5 border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-zinc-500 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-brand data-[state=active]:border-brand data-[state=active]:text-zinc-900 [&_svg]:size-4",
        className,
      )}
      {...props}
    />
  );
}
