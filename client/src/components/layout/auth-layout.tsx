import type { ReactNode } from "react";
import { useDocumentTitle } from "@/lib/use-document-title";

/** Centred card used by the sign-in, password and invitation pages. */
export function AuthLayout({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-zinc-50 to-zinc-100 px-4 py-12">
      <div className="mb-8 flex items-center gap-2.5">
        <div className="flex size-9 items-center justify-center rounded-lg bg-brand text-brand-foreground shadow-sm">
          <svg viewBox="6 6 20 20" className="size-5" aria-hidden>
            <path d="M9 22 16 9l7 13h-4.2L16 16.6 13.2 22z" fill="currentColor" />
          </svg>
        </div>
        <span className="text-lg font-semibold tracking-tight text-zinc-900">Agency OS</span>
      </div>
      <main className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{title}</h1>
        {description ? <p className="mt-1.5 text-sm text-zinc-500">{description}</p> : null}
        <div className="mt-6">{children}</div>
      </main>
      {footer ? <div className="mt-6 text-sm text-zinc-500">{footer}</div> : null}
    </div>
  );
}
