import type { LucideIcon } from "lucide-react";
import type { ComponentType, ReactNode } from "react";
import { ListBody, ListNotice, ListToolbar } from "@/components/lists/list-scaffold";
import type { ListTableProps } from "@/components/lists/list-table";
import { Card } from "@/components/ui/card";
import { CustomFieldFilter } from "@/features/custom-fields/components/custom-field-filter";
import { SavedViewsBar } from "@/features/saved-views/components/saved-views-bar";
import type { ListRows } from "@/lib/use-list-rows";
import type { ListPageState } from "../hooks/use-list-page";

/**
 * A record list below its page header: the last bulk action's summary, the saved views, then one card
 * with the page's filters, the custom-field filter and column chooser (and the page's toolbar
 * actions), the bulk bar, and the table with its loading, error and empty states and "Load more".
 * The page keeps what is its own: the filters, the bulk bar, the table, the empty state's words.
 */
export function ListPage<T extends { id: string }, H extends string>({
  page,
  query,
  list,
  noun,
  icon,
  filters,
  toolbarActions,
  bulk,
  empty,
  table: Table,
  selectable,
}: {
  /** The list's URL state (`useListPage`). */
  page: ListPageState<H>;
  /** The list's infinite query. */
  query: { isPending: boolean; isError: boolean; refetch: () => unknown; hasNextPage: boolean; isFetchingNextPage: boolean };
  /** Its loaded rows and selection (`useListRows`). */
  list: ListRows<T>;
  /** ["client", "clients"]. */
  noun: readonly [string, string];
  icon: LucideIcon;
  /** The filter bar (given `page.filterBar`). */
  filters: ReactNode;
  /** Beside the column chooser (a sort picker, an export link). */
  toolbarActions?: ReactNode;
  /** The bulk bar (given `list.bulk`). */
  bulk: ReactNode;
  /** The empty state of an unfiltered list: what to do first. */
  empty: { title: string; description?: ReactNode; action?: ReactNode };
  /** The record type's table. */
  table: ComponentType<ListTableProps<T> & { onSort: (key: H) => void }>;
  /** Whether rows have checkboxes (the user has some bulk action). */
  selectable: boolean;
}) {
  const { layout } = page.columns;
  return (
    <>
      <ListNotice message={list.notice} onDismiss={list.dismissNotice} />
      <SavedViewsBar entityType={page.entity} noun={noun[1]} queryKeys={page.keys} columns={layout.visibleIds} onApplyColumns={layout.apply} />
      <Card className="min-w-0">
        {filters}
        <ListToolbar layout={layout} actions={toolbarActions}>
          <CustomFieldFilter {...page.columns.filterProps} />
        </ListToolbar>
        {bulk}
        <ListBody query={query} list={list} noun={noun} icon={icon} filtering={page.filtering} onClear={page.clear} empty={empty}>
          <Table
            {...list.tableRows}
            {...page.columns.tableColumns}
            sort={page.sort}
            order={page.order}
            onSort={page.onSort}
            onSelectedChange={selectable ? list.setSelected : undefined}
          />
        </ListBody>
      </Card>
    </>
  );
}
