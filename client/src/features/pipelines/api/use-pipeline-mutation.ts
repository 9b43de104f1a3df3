import type { PipelineDto } from "@shared/contracts/pipelines";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { pipelinesKeys } from "./pipelines-keys";

/** A pipeline mutation that refreshes the pipeline list (and every board: stages changed) when it succeeds. */
export function usePipelineMutation<V, R = PipelineDto>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: pipelinesKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["deals"] });
    },
  });
}
