/** Plain-text + HTML bodies of system emails. Values are escaped for HTML. */
export interface RenderedEmail {
  template: string;
  subject: string;
  text: string;
  html: string;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

function layout(brandColor: string, body: string, cta: { label: string; href: string }): string {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:auto;padding:24px">${body}<p><a href="${esc(cta.href)}" style="display:inline-block;background:${esc(brandColor)};color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${esc(cta.label)}</a></p><p style="color:#666;font-size:12px">If the button does not work, paste this link into your browser:<br>${esc(cta.href)}</p></body></html>`;
}

/** The invitation email. */
export function inviteEmail(p: { name: string; inviterName: string; workspaceName: string; link: string; brandColor: string; expiresHours: number }): RenderedEmail {
  return {
    template: "user.invite",
    subject: `${p.inviterName} invited you to ${p.workspaceName} on Agency OS`,
    text: `Hi ${p.name},\n\n${p.inviterName} invited you to join ${p.workspaceName} on Agency OS.\n\nSet your password and sign in here (the link works for ${p.expiresHours} hours, once):\n${p.link}\n`,
    html: layout(
      p.brandColor,
      `<p>Hi ${esc(p.name)},</p><p>${esc(p.inviterName)} invited you to join <strong>${esc(p.workspaceName)}</strong> on Agency OS.</p><p>The link works for ${p.expiresHours} hours, once.</p>`,
      { label: "Accept invitation", href: p.link },
    ),
  };
}

/** The password reset email. */
export function passwordResetEmail(p: { name: string; link: string; brandColor: string; expiresMinutes: number }): RenderedEmail {
  return {
    template: "user.password_reset",
    subject: "Reset your Agency OS password",
    text: `Hi ${p.name},\n\nSomeone (hopefully you) asked to reset your Agency OS password. Choose a new one here (the link works for ${p.expiresMinutes} minutes, once):\n${p.link}\n\nIf you did not ask, ignore this email; your password stays the same.\n`,
    html: layout(
      p.brandColor,
      `<p>Hi ${esc(p.name)},</p><p>Someone (hopefully you) asked to reset your Agency OS password. The link works for ${p.expiresMinutes} minutes, once.</p><p>If you did not ask, ignore this email.</p>`,
      { label: "Choose a new password", href: p.link },
    ),
  };
}

/** A team member was @mentioned in a timeline entry. */
export function mentionEmail(p: { name: string; authorName: string; recordName: string; excerpt: string; link: string; brandColor: string }): RenderedEmail {
  return {
    template: "crm.mention",
    subject: `${p.authorName} mentioned you on ${p.recordName}`,
    text: `Hi ${p.name},\n\n${p.authorName} mentioned you on ${p.recordName}:\n\n${p.excerpt}\n\nOpen it here:\n${p.link}\n`,
    html: layout(
      p.brandColor,
      `<p>Hi ${esc(p.name)},</p><p>${esc(p.authorName)} mentioned you on <strong>${esc(p.recordName)}</strong>:</p><blockquote style="border-left:3px solid #ddd;margin:0;padding-left:12px;color:#333">${esc(p.excerpt)}</blockquote>`,
      { label: "Open", href: p.link },
    ),
  };
}

/** An automation's "notify a user" action. */
export function automationNotificationEmail(p: { name: string; automationName: string; leadName: string; message: string; link: string; brandColor: string }): RenderedEmail {
  return {
    template: "crm.automation_notification",
    subject: `${p.automationName}: ${p.leadName}`,
    text: `Hi ${p.name},\n\n${p.message}\n\nLead: ${p.leadName}\n${p.link}\n\n(Sent by the automation "${p.automationName}".)\n`,
    html: layout(
      p.brandColor,
      `<p>Hi ${esc(p.name)},</p><p>${esc(p.message)}</p><p>Lead: <strong>${esc(p.leadName)}</strong></p><p style="color:#666;font-size:12px">Sent by the automation “${esc(p.automationName)}”.</p>`,
      { label: "Open the lead", href: p.link },
    ),
  };
}
