import type { DealDto } from "@shared/contracts/deals";
import { useQueryClient } from "@tanstack/react-query";
import { dealsKeys } from "./deals-keys";

/** After a deal changed: store the fresh DTO and refetch lists, boards, forecasts and its history. */
export function useStoreDeal() {
  const queryClient = useQueryClient();
  return (deal: DealDto) => {
    queryClient.setQueryData(dealsKeys.detail(deal.id), deal);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: dealsKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: dealsKeys.boards() }),
      queryClient.invalidateQueries({ queryKey: [...dealsKeys.all, "forecast"] }),
      queryClient.invalidateQueries({ queryKey: dealsKeys.history(deal.id) }),
      queryClient.invalidateQueries({ queryKey: ["activities"] }),
    ]);
  };
}
