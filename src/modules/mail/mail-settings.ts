import type { Ctx, MailSettings } from "../../context.ts";

/** The sender when MAIL_FROM is not set: no-reply at PUBLIC_URL's host. */
export function defaultMailFrom(publicUrl: string): string {
  return `Settle <no-reply@${new URL(publicUrl).hostname}>`;
}

const LOCAL_URL = "http://localhost:3000";

/** The transport's settings, or the embedded server's defaults where a caller (a test, the CLI) set none. */
export function mailSettingsOf(ctx: Pick<Ctx, "mail">): MailSettings {
  return ctx.mail ?? { from: defaultMailFrom(LOCAL_URL), publicUrl: LOCAL_URL };
}
