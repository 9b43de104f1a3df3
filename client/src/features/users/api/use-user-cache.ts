import type { UserDto } from "@shared/contracts/users";
import { useQueryClient } from "@tanstack/react-query";
import { usersKeys } from "./users-keys";

/** After a user changed: store the fresh DTO and refetch every list. */
export function useStoreUser() {
  const queryClient = useQueryClient();
  return (user: UserDto) => {
    queryClient.setQueryData(usersKeys.detail(user.id), user);
    return queryClient.invalidateQueries({ queryKey: usersKeys.lists() });
  };
}
