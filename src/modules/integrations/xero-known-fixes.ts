import { RECONNECT_FIX } from "./internal.ts";

/** Xero's own words (or status) mapped to what a member can do about it; null when nothing is known. */
const FIXES: { when: (status: number, message: string) => boolean; fix: string }[] = [
  { when: (status) => status === 401 || status === 403, fix: RECONNECT_FIX },
  {
    when: (_, message) => /Account must be valid|account code .* is not a valid/i.test(message),
    fix: "Choose a revenue account that exists in Xero (Settings → Integrations → Xero).",
  },
  {
    when: (_, message) => /Tax rate must be valid|TaxType .* invalid/i.test(message),
    fix: "Map the line's tax rate to a Xero tax rate that exists (Settings → Integrations → Xero).",
  },
  { when: (_, message) => /must be unique/i.test(message), fix: "Use a number or name Xero does not already have." },
  { when: (status) => status === 429, fix: "Nothing to do: Settle resumes by itself after Xero's Retry-After." },
  {
    when: (status) => status === 500 || status === 503 || status === 0,
    fix: "Xero did not answer or was unavailable; Settle retries on its own.",
  },
];

export function knownXeroFix(status: number, message: string): string | null {
  return FIXES.find((f) => f.when(status, message))?.fix ?? null;
}
