import type { AppContext } from "../app-context";
import type { Tx } from "../db/transaction";
import { replaceToken, type TokenPurpose } from "../modules/users/user-tokens.repository";
import { hashToken, newSecretToken } from "./tokens";

const PAGES: Record<TokenPurpose, string> = { invite: "/accept-invite", password_reset: "/reset-password" };

/**
 * Issues a single-use token for the user (earlier unused ones of the same purpose stop working),
 * stores only its hash, and returns the app link that carries it.
 */
export async function issueUserLink(
  app: AppContext,
  tx: Tx,
  user: { id: string; workspaceId: string },
  purpose: TokenPurpose,
  ttlMs: number,
): Promise<string> {
  const token = newSecretToken();
  await replaceToken(tx.db, { workspaceId: user.workspaceId, userId: user.id, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ttlMs) });
  return `${app.config.APP_URL}${PAGES[purpose]}?token=${encodeURIComponent(token)}`;
}
