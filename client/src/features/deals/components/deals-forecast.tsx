import { TrendingUp } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { errorMessage } from "@/lib/api-client";
import { useForecast } from "../api/get-forecast";
import { formatMinor } from "./deal-format";

function monthLabel(month: string | null): string {
  if (!month) return "No close date";
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1)).toLocaleDateString(undefined, { month: "long", year: "numeric", timeZone: "UTC" });
}

/** Open deals by expected close month: count, value, weighted value (× stage probability), with a bar per row. */
export function DealsForecast({ pipelineId }: { pipelineId: string | undefined }) {
  const forecast = useForecast(pipelineId);
  if (forecast.isPending) return <SkeletonRows rows={5} />;
  if (forecast.isError) return <Alert tone="error">{errorMessage(forecast.error)}</Alert>;
  const rows = forecast.data.data;
  if (rows.length === 0) {
    return <EmptyState icon={TrendingUp} title="Nothing to forecast yet" description="Open deals with a value and an expected close date show up here by month." />;
  }
  // Bars compare within a currency (amounts in different currencies are not comparable).
  const maxBy = new Map<string, number>();
  for (const r of rows) maxBy.set(r.currency, Math.max(maxBy.get(r.currency) ?? 0, r.valueMinor));
  return (
    <Table data-testid="forecast-table">
      <caption className="sr-only">Forecast of open deals by expected close month</caption>
      <THead>
        <tr>
          <TH>Month</TH>
          <TH className="text-right">Deals</TH>
          <TH className="text-right">Value</TH>
          <TH className="text-right">Weighted</TH>
          <TH className="w-1/3">
            <span className="sr-only">Chart</span>
          </TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => {
          const max = maxBy.get(r.currency) || 1;
          return (
            <TR key={`${r.month ?? "none"}-${r.currency}`}>
              <TD className="whitespace-nowrap">
                {monthLabel(r.month)}
                {maxBy.size > 1 ? <span className="ml-2 text-xs text-zinc-500">{r.currency}</span> : null}
              </TD>
              <TD className="text-right tabular-nums">{r.dealCount}</TD>
              <TD className="text-right whitespace-nowrap tabular-nums">{formatMinor(r.valueMinor, r.currency)}</TD>
              <TD className="text-right font-medium whitespace-nowrap tabular-nums">{formatMinor(r.weightedMinor, r.currency)}</TD>
              <TD aria-hidden>
                <div className="relative h-3 rounded bg-zinc-100">
                  <div className="absolute inset-y-0 left-0 rounded bg-brand/25" style={{ width: `${(r.valueMinor / max) * 100}%` }} />
                  <div className="absolute inset-y-0 left-0 rounded bg-brand" style={{ width: `${(r.weightedMinor / max) * 100}%` }} />
                </div>
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
