import type { AttachmentEntity } from "../../../shared/contracts/attachments";
import { type Actor, can } from "../../auth/actor";
import { clientAbilities } from "../clients/clients.policy";

/** The read permission that opens each kind of parent record. */
export const READ_PERMISSION = { client: "clients.read", lead: "leads.read", deal: "deals.read" } as const;

/** What the actor may do with the files of a record they can see (visibility is the repository's job). */
export interface AttachmentAbilities {
  /** Upload and delete files. */
  write: boolean;
  /** Switch "shared with client" (client records only). */
  share: boolean;
}

/** Write rights follow the parent record: clients.write (creators stay read-only), leads.write, deals.write. */
export function attachmentAbilities(actor: Actor, entityType: AttachmentEntity): AttachmentAbilities {
  if (entityType === "client") {
    const write = clientAbilities(actor).update;
    return { write, share: write };
  }
  return { write: can(actor, entityType === "lead" ? "leads.write" : "deals.write"), share: false };
}
