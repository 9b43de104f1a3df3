import type { ReactNode } from "react";

/** A column a page adds to a feature's table (e.g. a custom field). */
export interface ExtraColumn<T> {
  id: string;
  label: string;
  render: (row: T) => ReactNode;
  /** Present when the column sorts: the current direction (null: not the sort column) and the click handler. */
  sort?: { active: boolean; order: "asc" | "desc"; onSort: () => void };
}

/** A column the user may show, hide and move (the always-shown first column is not one). */
export interface ChoosableColumn {
  id: string;
  label: string;
}
