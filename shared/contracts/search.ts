import { z } from "zod";

export const SEARCH_RESULT_TYPES = ["client", "contact", "lead", "deal"] as const;
export type SearchResultType = (typeof SEARCH_RESULT_TYPES)[number];

export const SEARCH_LIMIT_MAX = 20;

export const GlobalSearchQuery = z
  .strictObject({
    q: z.string().trim().min(1, "Type something to search for").max(120).describe("Search term (typo-tolerant on names)"),
    limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(5).describe(`Results per record type, 1–${SEARCH_LIMIT_MAX}`),
  })
  .meta({ id: "GlobalSearchQuery" });
export type GlobalSearchQuery = z.infer<typeof GlobalSearchQuery>;

export const SearchResult = z
  .object({
    type: z.enum(SEARCH_RESULT_TYPES),
    id: z.uuid(),
    title: z.string(),
    subtitle: z.string().nullable(),
    href: z.string().describe("The record's page in the app"),
  })
  .meta({ id: "SearchResult" });
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchGroup = z
  .object({ type: z.enum(SEARCH_RESULT_TYPES), label: z.string(), results: z.array(SearchResult) })
  .meta({ id: "SearchGroup" });
export type SearchGroup = z.infer<typeof SearchGroup>;

export const GlobalSearchResponse = z
  .object({ data: z.array(SearchGroup).describe("Groups the caller may search, in a fixed order (clients, contacts, leads, deals); empty groups included") })
  .meta({ id: "GlobalSearchResponse" });
export type GlobalSearchResponse = z.infer<typeof GlobalSearchResponse>;
