import type { ReactElement } from "react";

/** Props a page-supplied client picker receives (the clients feature renders it). */
export interface ClientPickerProps {
  id: string;
  value: string | null;
  onChange: (clientId: string | null) => void;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

export type RenderClientPicker = (props: ClientPickerProps) => ReactElement;
