// GET /api/v1/reports/receivables, in minor units per currency. Aliased to the generated types once the
// server's document carries them.
export type Ageing = {
  current: number;
  days_1_30: number;
  days_31_60: number;
  days_61_90: number;
  days_90_plus: number;
};
export type Receivable = { currency: string; outstanding_amount: number; overdue_amount: number; ageing: Ageing };
export type Receivables = {
  as_of: string;
  data: Receivable[];
  by_company: (Receivable & { company_id: string; company_name: string })[];
  pipeline_by_status: {
    currency: string;
    unpaid_amount: number;
    deposit_invoiced_amount: number;
    invoiced_amount: number;
    paid_amount: number;
  }[];
  paid_by_month: { month: string; currency: string; paid_amount: number }[];
};

export const BUCKETS: { key: keyof Ageing; label: string; colour: string }[] = [
  { key: "current", label: "Current", colour: "#10b981" },
  { key: "days_1_30", label: "1–30 days", colour: "#facc15" },
  { key: "days_31_60", label: "31–60 days", colour: "#f59e0b" },
  { key: "days_61_90", label: "61–90 days", colour: "#f97316" },
  { key: "days_90_plus", label: "90+ days", colour: "#dc2626" },
];
