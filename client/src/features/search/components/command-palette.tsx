import type { SearchResult, SearchResultType } from "@shared/contracts/search";
import { Command } from "cmdk";
import { Briefcase, Contact, Handshake, History, Loader2, Search, Target } from "lucide-react";
import { type ComponentType, useCallback, useEffect, useState } from "react";
import { useLocation } from "wouter";
import { useCurrentUser, usePermission } from "@/lib/auth";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useGlobalSearch } from "../api/global-search";
import { readRecent, rememberRecent } from "./recent-results";

const ICONS: Record<SearchResultType, ComponentType<{ className?: string; "aria-hidden"?: boolean }>> = {
  client: Briefcase,
  contact: Contact,
  lead: Target,
  deal: Handshake,
};

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The palette for users who may search (it needs clients.read, like the search endpoint). */
export function GlobalSearch() {
  return usePermission("clients.read") ? <CommandPalette /> : null;
}

/**
 * The global search palette: Ctrl/Cmd-K (or the top-bar button) opens it anywhere in the staff app;
 * typing searches clients, contacts, leads and deals the user may see; arrows move, Enter opens,
 * Escape closes. Without a term it lists the records recently opened from it.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [term, setTerm] = useState("");
  const [, navigate] = useLocation();
  const q = useDebouncedValue(term.trim(), 200);
  const search = useGlobalSearch(q);
  const [recent, setRecent] = useState<SearchResult[]>([]);
  const userId = useCurrentUser().user.id;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const onOpenChange = useCallback((next: boolean) => {
    setOpen(next);
    if (next) setRecent(readRecent(userId));
    else setTerm("");
  }, [userId]);
  // The shortcut opens it without onOpenChange, so the recent list is read here too.
  useEffect(() => {
    if (open) setRecent(readRecent(userId));
  }, [open, userId]);

  const go = (result: SearchResult) => {
    rememberRecent(userId, result);
    onOpenChange(false);
    navigate(result.href);
  };

  const groups = q && search.data ? search.data.data.filter((g) => g.results.length > 0) : [];
  const waiting = term.trim() !== "" && (term.trim() !== q || search.isFetching);
  const nothing = q !== "" && !waiting && search.isSuccess && groups.length === 0;

  return (
    <>
      <button
        type="button"
        onClick={() => onOpenChange(true)}
        className="flex h-9 w-full max-w-xs items-center gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-3 text-sm text-zinc-500 hover:border-zinc-300 hover:bg-white hover:text-zinc-700"
        aria-keyshortcuts="Control+K Meta+K"
        data-testid="open-search"
      >
        <Search className="size-4" aria-hidden />
        <span className="flex-1 text-left">Search…</span>
        <kbd className="hidden rounded border border-zinc-200 bg-white px-1.5 font-sans text-[11px] text-zinc-500 sm:inline">{isMac() ? "⌘K" : "Ctrl K"}</kbd>
      </button>
      <Command.Dialog
        open={open}
        onOpenChange={onOpenChange}
        label="Search clients, contacts, leads and deals"
        shouldFilter={false}
        loop
        overlayClassName="fixed inset-0 z-50 bg-zinc-950/40 backdrop-blur-[1px] data-[state=open]:animate-fade-in"
        contentClassName="fixed top-[12vh] left-1/2 z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-2xl data-[state=open]:animate-pop-in"
      >
        <div className="flex items-center gap-2 border-b border-zinc-100 px-4">
          <Search className="size-4 shrink-0 text-zinc-400" aria-hidden />
          <Command.Input
            value={term}
            onValueChange={setTerm}
            placeholder="Search clients, contacts, leads and deals…"
            className="h-12 w-full bg-transparent text-sm text-zinc-900 outline-none placeholder:text-zinc-400"
          />
          {waiting ? <Loader2 className="size-4 shrink-0 animate-spin text-zinc-400" aria-label="Searching" /> : null}
        </div>
        <Command.List className="max-h-[min(60vh,28rem)] overflow-y-auto p-2" data-testid="search-results">
          {nothing ? <Command.Empty className="px-3 py-8 text-center text-sm text-zinc-500">No matches for “{q}”. Check the spelling or try part of a name.</Command.Empty> : null}
          {search.isError && q ? <p className="px-3 py-6 text-center text-sm text-red-600">Search is unavailable right now. Try again in a moment.</p> : null}
          {!q && recent.length > 0 ? (
            <Command.Group heading="Recent" className={GROUP}>
              {recent.map((r) => (
                <ResultItem key={`recent:${r.type}:${r.id}`} value={`recent:${r.type}:${r.id}`} result={r} onSelect={go} recent />
              ))}
            </Command.Group>
          ) : null}
          {!q && recent.length === 0 ? <p className="px-3 py-8 text-center text-sm text-zinc-500">Type a name, email or tag. Spelling doesn't have to be exact.</p> : null}
          {groups.map((g) => (
            <Command.Group key={g.type} heading={g.label} className={GROUP}>
              {g.results.map((r) => (
                <ResultItem key={`${r.type}:${r.id}`} value={`${r.type}:${r.id}`} result={r} onSelect={go} />
              ))}
            </Command.Group>
          ))}
        </Command.List>
        <div className="flex items-center gap-4 border-t border-zinc-100 bg-zinc-50 px-4 py-2 text-[11px] text-zinc-500">
          <span>
            <kbd className="font-sans">↑↓</kbd> to move
          </span>
          <span>
            <kbd className="font-sans">Enter</kbd> to open
          </span>
          <span>
            <kbd className="font-sans">Esc</kbd> to close
          </span>
        </div>
      </Command.Dialog>
    </>
  );
}

const GROUP = "[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-[11px] [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:tracking-wider [&_[cmdk-group-heading]]:text-zinc-400 [&_[cmdk-group-heading]]:uppercase";

function ResultItem({ result, value, onSelect, recent }: { result: SearchResult; value: string; onSelect: (r: SearchResult) => void; recent?: boolean }) {
  const Icon = recent ? History : ICONS[result.type];
  return (
    <Command.Item
      value={value}
      onSelect={() => onSelect(result)}
      className="flex cursor-pointer items-center gap-3 rounded-md px-2 py-2 text-sm text-zinc-700 data-[selected=true]:bg-brand-soft data-[selected=true]:text-brand-strong"
      data-testid="search-result"
    >
      <Icon className="size-4 shrink-0 text-zinc-400" aria-hidden />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{result.title}</span>
        {result.subtitle ? <span className="block truncate text-xs text-zinc-500">{result.subtitle}</span> : null}
      </span>
      <span className="shrink-0 text-[11px] text-zinc-400 capitalize">{result.type}</span>
    </Command.Item>
  );
}
