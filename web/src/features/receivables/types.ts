import type { Ageing, Receivables } from "../../lib/types.ts";

export type { Ageing, Receivables } from "../../lib/types.ts";
export type Receivable = Receivables["data"][number];

export const BUCKETS: { key: keyof Ageing; label: string; colour: string }[] = [
  { key: "current", label: "Current", colour: "#10b981" },
  { key: "days_1_30", label: "1–30 days", colour: "#facc15" },
  { key: "days_31_60", label: "31–60 days", colour: "#f59e0b" },
  { key: "days_61_90", label: "61–90 days", colour: "#f97316" },
  { key: "days_90_plus", label: "90+ days", colour: "#dc2626" },
];
