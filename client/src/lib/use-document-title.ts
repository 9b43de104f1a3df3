import { useEffect } from "react";

/** Sets the browser tab title to "<title> · Agency OS". */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · Agency OS`;
  }, [title]);
}
