import type { PaymentStatus, Portion } from "./types.ts";

export function statusProposedByPortion(portion: Portion): PaymentStatus {
  return portion === "deposit" ? "deposit_invoiced" : "invoiced";
}
