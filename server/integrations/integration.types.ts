import type { IntegrationStatusDto } from "../../shared/contracts/admin";
import type { Provider } from "../lib/circuit-breaker";

/** Result of a cheap live call to a provider. */
export interface HealthResult {
  ok: boolean;
  /** Human-readable and non-secret. */
  detail: string;
}

/** What every provider client offers besides its own operations. */
export interface IntegrationClient {
  readonly provider: Provider;
  /** True when the settings needed to call the provider are present. */
  readonly configured: boolean;
  /** Label, configured flag and a non-secret detail (host in use); makes no network call. */
  status(): IntegrationStatusDto;
  /** One cheap real call when configured; `{ ok: true, detail: "not configured" }` otherwise. */
  healthCheck(): Promise<HealthResult>;
}

/** A calendar event from Google or Microsoft, reduced to what Agency OS shows. */
export interface ExternalCalendarEvent {
  id: string;
  title: string;
  /** ISO date-time, or YYYY-MM-DD for all-day events. */
  start: string;
  end: string;
  allDay: boolean;
  location: string | null;
  url: string | null;
  status: "confirmed" | "tentative" | "cancelled";
}

/** Time window of a calendar query. */
export interface CalendarWindow {
  timeMin: Date;
  timeMax: Date;
}
