import type { ReactNode } from "react";

/** A column a page adds to a feature's table (e.g. a custom field). */
export interface ExtraColumn<T> {
  id: string;
  label: string;
  render: (row: T) => ReactNode;
  /** Present when the column sorts: the current direction (null: not the sort column) and the click handler. */
  sort?: { active: boolean; order: "asc" | "desc"; onSort: () => void };
}
