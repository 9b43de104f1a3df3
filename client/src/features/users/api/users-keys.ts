import type { ListUsersQuery } from "@shared/contracts/users";

/** List filters as they appear in the URL and the query key (no cursor). */
export type UsersListParams = Partial<Omit<ListUsersQuery, "cursor">>;

export const usersKeys = {
  all: ["users"] as const,
  lists: () => [...usersKeys.all, "list"] as const,
  list: (params: UsersListParams) => [...usersKeys.lists(), params] as const,
  firstPage: (params: UsersListParams) => [...usersKeys.lists(), "first-page", params] as const,
  details: () => [...usersKeys.all, "detail"] as const,
  detail: (id: string) => [...usersKeys.details(), id] as const,
};
