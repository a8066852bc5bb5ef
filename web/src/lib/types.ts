export type Page<T> = { data: T[]; has_more: boolean; next_cursor: string | null };

export type Me = {
  workspace_id: string;
  user_id: string | null;
  actor: "member" | "api_key" | "system";
  scopes: string[];
  csrf_token: string | null;
  workspaces: WorkspaceChoice[];
};

export type WorkspaceChoice = { id: string; name: string };

export type AuditEvent = {
  id: string;
  action: string;
  actor: {
    kind: "member" | "api_key" | "system" | "anonymous";
    user_id: string | null;
    api_key_id: string | null;
    label: string;
  };
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  request_id: string | null;
  created_at: string;
};

export type ScopeCatalogue = { scopes: string[]; aliases: Record<string, string>; presets: Record<string, string[]> };

export type Role = { id: string; name: string; preset: "admin" | "editor" | "viewer" | null; scopes: string[] };

export type Member = {
  id: string;
  user_id: string;
  email: string;
  name: string;
  role_id: string;
  role_name: string;
  status: "active" | "invited";
  invite_expires_at: string | null;
  created_at: string;
};
export type InvitedMember = Member & { invite_url: string | null };

export type ApiKey = {
  id: string;
  name: string;
  key_prefix: string;
  scopes: string[];
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
};
export type CreatedApiKey = ApiKey & { key: string };

export type OpportunityStatus = "open" | "won" | "lost";
export type Opportunity = {
  id: string;
  name: string;
  company_id: string;
  primary_contact_id: string | null;
  currency: string;
  stage: string;
  status: OpportunityStatus;
  owner_id: string | null;
  total_amount?: number;
  line_count?: number;
  products?: Line[];
};

export type PaymentStatus = "unpaid" | "deposit_invoiced" | "invoiced" | "paid";
export type Line = {
  id: string;
  product_id: string;
  product_name: string;
  quantity: number;
  unit_amount: number;
  currency: string;
  discount_percent: number;
  deposit_percent: number | null;
  effective_deposit_percent: number;
  deposit_amount: number;
  tax_rate: number;
  sort_order: number;
  line_total_amount: number;
  payment_status?: PaymentStatus;
};

export type PaymentStatusChange = {
  id: string;
  line_id: string;
  from: PaymentStatus;
  to: PaymentStatus;
  source: string;
  actor: { kind: "member" | "api_key" | "system"; id: string | null };
  invoice_id: string | null;
  created_at: string;
};

export type Product = { id: string; name: string; unit_amount: number; currency: string; sku?: string | null };
export type Company = { id: string; name: string };
export type Contact = { id: string; name?: string; first_name?: string; last_name?: string; email?: string | null };

export type Portion = "full" | "deposit" | "balance" | "ongoing";
export type InvoiceStatus = "DRAFT" | "SUBMITTED" | "AUTHORISED" | "PAID" | "VOIDED" | "DELETED";
export type PreviewWarning = "double_billing" | "deposits_exceed_total" | "nothing_left_to_bill";

export type InvoiceLine = {
  id?: string;
  product_line_id: string | null;
  description: string;
  quantity: string;
  unit_amount: number;
  tax_rate: string;
  tax_amount: number;
  amount: number;
  warning?: PreviewWarning;
};

export type InvoicePreview = {
  portion: Portion;
  currency: string;
  tax_mode: "exclusive" | "inclusive";
  lines: InvoiceLine[];
  subtotal_amount: number;
  tax_amount: number;
  total_amount: number;
};

export type Invoice = Omit<InvoicePreview, "lines"> & {
  id: string;
  number: string;
  provider: "native" | "xero";
  opportunity_id: string;
  status: InvoiceStatus;
  issue_date: string;
  due_date: string | null;
  reference: string | null;
  notes: string | null;
  lines: InvoiceLine[];
  amount_paid_amount: number;
  amount_due_amount: number;
  sent_at: string | null;
  paid_at: string | null;
  created_at: string;
};

export type InvoiceSummary = {
  currency: string;
  invoiced_amount: number;
  paid_amount: number;
  outstanding_amount: number;
};

export type InvoiceSettings = {
  number_prefix: string;
  next_number: number;
  tax_mode: "exclusive" | "inclusive";
  default_deposit_percent: number;
};

export type Job = {
  id: string;
  name: string;
  status: "queued" | "running" | "succeeded" | "dead";
  attempts: number;
  max_attempts: number;
  run_at: string;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
};
