import type { ImportEntity, UploadImportResponse } from "@shared/contracts/imports";
import { useMutation } from "@tanstack/react-query";
import { apiUpload } from "@/lib/api-client";

/** POST /api/imports (multipart): the file is streamed to the server; `onProgress` reports bytes sent. */
export function uploadImport({
  entityType,
  file,
  onProgress,
}: {
  entityType: ImportEntity;
  file: File;
  onProgress?: (loaded: number, total: number) => void;
}): Promise<UploadImportResponse> {
  const form = new FormData();
  form.append("file", file, file.name);
  return apiUpload<UploadImportResponse>("/api/imports", form, { query: { entityType }, onProgress });
}

export function useUploadImport() {
  return useMutation({ mutationFn: uploadImport });
}
