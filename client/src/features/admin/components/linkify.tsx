import type { ReactNode } from "react";

const URL_RE = /(https?:\/\/[^\s<>"'()[\]]+[^\s<>"'()[\].,;:!?])/g;

/** Every http(s) URL in the text, in order, without duplicates. */
export function extractLinks(text: string): string[] {
  return [...new Set(text.match(URL_RE) ?? [])];
}

/** The text with its URLs turned into links. */
export function Linkified({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const start = match.index ?? 0;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={`${start}-${match[0]}`} href={match[0]} className="break-all text-brand underline underline-offset-2">
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
