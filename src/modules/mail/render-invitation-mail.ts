import type { MailBranding } from "./branding-of.ts";
import { escapeHtml, plainLine } from "./html.ts";
import { button, layout } from "./layout.ts";

/** The invitation to join a workspace, with the one-time accept link. */
export function renderInvitationMail(data: {
  branding: MailBranding;
  workspaceName: string;
  roleName: string;
  acceptUrl: string;
  expiresAt: Date;
}): { subject: string; html: string; text: string } {
  const subject = plainLine(`You're invited to ${data.workspaceName} on Settle`);
  const expires = data.expiresAt.toISOString().slice(0, 10);
  const html = layout(
    data.branding,
    subject,
    [
      `<p>You have been invited to join <strong>${escapeHtml(data.workspaceName)}</strong> as ${escapeHtml(data.roleName)}.</p>`,
      button("Accept the invitation", data.acceptUrl, data.branding.accentColor, "accept-invite"),
      `<p style="color:#5b6270;font-size:13px">The link works once and expires on ${escapeHtml(expires)}. If you did not expect this, ignore this email.</p>`,
    ].join("\n"),
  );
  const text = [
    plainLine(`You have been invited to join ${data.workspaceName} as ${data.roleName}.`),
    "",
    `Accept the invitation: ${data.acceptUrl}`,
    "",
    `The link works once and expires on ${expires}. If you did not expect this, ignore this email.`,
  ].join("\n");
  return { subject, html, text };
}
