import type { ImportEntity, UploadImportResponse } from "@shared/contracts/imports";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";

/** POST /api/imports (multipart): the file is streamed to the server. */
export function uploadImport({ entityType, file }: { entityType: ImportEntity; file: File }): Promise<UploadImportResponse> {
  const form = new FormData();
  form.append("file", file, file.name);
  return apiFetch<UploadImportResponse>("/api/imports", { method: "POST", query: { entityType }, body: form });
}

export function useUploadImport() {
  return useMutation({ mutationFn: uploadImport });
}
