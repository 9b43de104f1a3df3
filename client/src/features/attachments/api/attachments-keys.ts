import type { AttachmentEntity } from "@shared/contracts/attachments";

/** The record whose files are shown. */
export interface AttachmentTarget {
  entityType: AttachmentEntity;
  entityId: string;
}

export const attachmentsKeys = {
  all: ["attachments"] as const,
  lists: () => [...attachmentsKeys.all, "list"] as const,
  list: (target: AttachmentTarget) => [...attachmentsKeys.lists(), target] as const,
};
