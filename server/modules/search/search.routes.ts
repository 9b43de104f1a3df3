import { GlobalSearchQuery, GlobalSearchResponse } from "../../../shared/contracts/search";
import { defineRoute } from "../../http/define-route";
import { globalSearch } from "./search.service";

export const searchRoutes = [
  defineRoute({
    method: "get",
    path: "/search",
    summary: "Search clients, contacts, leads and deals at once (the Ctrl/Cmd-K palette)",
    description:
      "Each group applies its record type's visibility rule inside the query: clients and contacts as the client list does, leads and deals only with leads.read / deals.read and the caller's pipeline reach. Names match typo-tolerantly (trigram), other fields by full text.",
    tags: ["Search"],
    access: { kind: "staff", permission: "clients.read" },
    request: { query: GlobalSearchQuery },
    responses: { 200: GlobalSearchResponse },
    handler: ({ app, actor, input }) => globalSearch(app, actor, input.query),
  }),
];
