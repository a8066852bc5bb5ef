import type { components } from "../../lib/api-types.generated.ts";

export type MailMessage = components["schemas"]["MailMessage"];
export type MailMessageDetail = components["schemas"]["MailMessageDetail"];
