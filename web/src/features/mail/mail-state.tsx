import { Pill } from "../../components/ui/pill.tsx";
import type { MailMessage } from "./types.ts";

export const STATE_LABEL: Record<MailMessage["state"], string> = {
  queued: "Queued",
  sent: "Delivered",
  failed: "Failed",
};

export function MailStatePill({ message }: { message: MailMessage }) {
  const tone = message.state === "sent" ? "green" : message.state === "failed" ? "red" : "amber";
  const label = message.state === "sent" && message.transport === "outbox" ? "In Outbox" : STATE_LABEL[message.state];
  return (
    <Pill tone={tone} testId="mail-state">
      {label}
    </Pill>
  );
}

export function recipientsOf(message: MailMessage): string {
  return message.to.map((a) => (a.name ? `${a.name} <${a.email}>` : a.email)).join(", ");
}
