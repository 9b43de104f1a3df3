import { useEffect, useRef, useState } from "react";
import { useDebouncedValue } from "./use-debounced-value";

/**
 * A text box bound to a value kept in the URL: typing commits once the user pauses; URL changes
 * (back button, "clear filters") refill the box. Returns the box's live value and its setter.
 */
export function useUrlSyncedText(urlValue: string, commit: (value: string) => void, delay = 300): [string, (value: string) => void] {
  const [text, setText] = useState(urlValue);
  const debounced = useDebouncedValue(text, delay);
  const synced = useRef(urlValue);
  useEffect(() => {
    const next = debounced.trim();
    if (next === synced.current) return;
    synced.current = next;
    commit(next);
  }, [debounced, commit]);
  useEffect(() => {
    if (urlValue === synced.current) return;
    synced.current = urlValue;
    setText(urlValue);
  }, [urlValue]);
  return [text, setText];
}
