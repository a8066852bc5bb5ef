/**
 * The API's shapes under the names the web app uses. Every type here is an alias over
 * api-types.generated.ts (from the server's OpenAPI document, `npm run api-types`), so the client cannot drift
 * from what the server returns: when the server changes a field, typechecking points at every use.
 */
import type { components, paths } from "./api-types.generated.ts";

type Schemas = components["schemas"];
// Indexed access rather than conditional types: a path, method, status or body that the document no longer has
// is a compile error here instead of a silent `never`.
type Op<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type OkJson<Operation extends { responses: { 200: { content: { "application/json": unknown } } } }> =
  Operation["responses"][200]["content"]["application/json"];
type JsonBody<Operation extends { requestBody: { content: { "application/json": unknown } } }> =
  Operation["requestBody"]["content"]["application/json"];

/** One page of a list: every list endpoint answers with this envelope. */
export type Page<T> = Omit<OkJson<Op<"/api/v1/jobs", "get">>, "data"> & { data: T[] };

export type Me = OkJson<Op<"/api/v1/me", "get">>;
export type WorkspaceChoice = Me["workspaces"][number];
export type Meta = Schemas["Meta"];
export type SignedIn = OkJson<Op<"/api/v1/session", "post">>;
export type WorkspaceSwitched = OkJson<Op<"/api/v1/session/workspace", "post">>;
export type InviteAccepted = OkJson<Op<"/api/v1/invites/accept", "post">>;

export type AuditEvent = Schemas["AuditEvent"];
export type ScopeCatalogue = OkJson<Op<"/api/v1/scopes", "get">>;
export type Role = Schemas["Role"];
export type Member = Schemas["Member"];
export type InvitedMember = Schemas["InvitedMember"];
export type ApiKey = Schemas["ApiKey"];
export type CreatedApiKey = Schemas["CreatedApiKey"];
export type Job = Schemas["Job"];

export type Company = Schemas["Company"];
export type CompanyOverview = Schemas["CompanyOverview"];
export type CompanyInvoice = Schemas["CompanyInvoice"];
export type CompanyPayerRelation = Schemas["CompanyPayerRelation"];
export type Contact = Schemas["Contact"];
export type Product = Schemas["Product"];

export type Opportunity = Schemas["Opportunity"];
export type OpportunityStatus = Opportunity["status"];
/** A product line on an opportunity. */
export type Line = Schemas["ProductLine"];
export type PaymentStatus = NonNullable<Line["payment_status"]>;
export type PaymentStatusChange = Schemas["PaymentStatusChange"];
/** The fields a PATCH of a product line may change. */
export type LinePatch = JsonBody<Op<"/api/v1/opportunities/{id}/products/{lineId}", "patch">>;
export type NewLine = JsonBody<Op<"/api/v1/opportunities/{id}/products", "post">>;

export type InvoicePreview = Schemas["InvoicePreview"];
export type InvoicePreviewLine = InvoicePreview["lines"][number];
export type PreviewWarning = NonNullable<InvoicePreviewLine["warning"]>;
export type Invoice = Schemas["Invoice"];
/** A stored invoice's line; its amounts are absent for callers without invoices:read. */
export type InvoiceLine = Invoice["lines"][number];
export type Portion = Invoice["portion"];
export type InvoiceStatus = Invoice["status"];
export type InvoiceSummary = Schemas["InvoiceSummary"];
export type InvoiceSettings = Schemas["InvoiceSettings"];
export type InvoiceSettingsPatch = JsonBody<Op<"/api/v1/settings/invoicing", "patch">>;

export type PreviewRequest = JsonBody<Op<"/api/v1/opportunities/{id}/invoices/preview", "post">>;
export type FreeLine = NonNullable<PreviewRequest["free_lines"]>[number];
export type CreateInvoiceBody = JsonBody<Op<"/api/v1/opportunities/{id}/invoices", "post">>;
export type InvoicePatch = JsonBody<Op<"/api/v1/invoices/{id}", "patch">>;
export type PaymentBody = JsonBody<Op<"/api/v1/invoices/{id}/payments", "post">>;
export type PaymentMethod = NonNullable<PaymentBody["method"]>;

export type InvoiceAction = Invoice["allowed_actions"][number];

export type XeroStatus = Schemas["XeroStatus"];
export type InvoicingProvider = Schemas["InvoicingProvider"];
/** The organisation and defaults a Xero invoice starts from, readable with invoices:read. */
export type XeroInvoicing = NonNullable<InvoicingProvider["xero"]>;
export type XeroSettingsPatch = JsonBody<Op<"/api/v1/integrations/xero", "patch">>;
export type XeroTaxMapping = XeroStatus["tax_mappings"][number];
export type XeroTenantChoice = XeroStatus["choices"][number];
/** An account, bank account, tax rate (code = Xero TaxType, detail = percent) or branding theme. */
export type XeroOption = Schemas["XeroOption"];
export type XeroContact = Schemas["XeroContact"];
export type XeroContactLink = JsonBody<Op<"/api/v1/companies/{id}/xero-contact", "post">>;
export type CreateXeroInvoiceBody = JsonBody<Op<"/api/v1/opportunities/{id}/xero-invoices", "post">>;
export type XeroLineSetting = NonNullable<CreateXeroInvoiceBody["line_settings"]>[number];
export type XeroRepeatingInvoice = Schemas["XeroRepeatingInvoice"];
export type CreateXeroRepeatingBody = JsonBody<Op<"/api/v1/opportunities/{id}/xero-repeating-invoices", "post">>;
export type XeroSchedule = CreateXeroRepeatingBody["schedule"];
export type XeroApproval = CreateXeroRepeatingBody["approval"];
/** A payment on a Xero invoice: into a Xero bank account, the amount due unless `amount` names a part. */
export type XeroPaymentBody = Pick<PaymentBody, "paid_on" | "amount"> & Required<Pick<PaymentBody, "bank_account_id">>;

export type StripeStatus = Schemas["StripeStatus"];
/** The Stripe payment link (Pay now) on a native invoice. */
export type PaymentLink = NonNullable<Invoice["payment_link"]>;
export type PaymentLinkMode = PaymentLink["mode"];
export type PaymentLinkInterval = NonNullable<PaymentLink["interval"]>;
export type PaymentLinkBody = JsonBody<Op<"/api/v1/invoices/{id}/payment-link", "post">>;
/** A row of the payment log: a Stripe payment, refund or subscription. */
export type StripePayment = Schemas["Payment"];
export type StripePaymentType = StripePayment["type"];
export type StripePaymentStatus = StripePayment["status"];
export type PaymentWithEvent = OkJson<Op<"/api/v1/payments/{id}/event", "get">>;

export type CompanyBody = JsonBody<Op<"/api/v1/companies", "post">>;
export type ContactBody = JsonBody<Op<"/api/v1/contacts", "post">>;
export type ProductBody = JsonBody<Op<"/api/v1/products", "post">>;

export type Stage = Schemas["Stage"];
export type StageKind = Stage["kind"];
export type StageBody = JsonBody<Op<"/api/v1/stages/{id}", "patch">>;

export type Receivables = Schemas["Receivables"];
export type Ageing = Schemas["Ageing"];

export type ImportRun = Schemas["Import"];
export type ImportBody = JsonBody<Op<"/api/v1/imports", "post">>;

export type SearchHitRow = Schemas["SearchHit"];
export type OAuthConsent = Schemas["OAuthConsent"];
export type ConnectedApp = Schemas["ConnectedApp"];
export type XeroSync = Schemas["XeroSync"];
export type XeroLogEntry = Schemas["XeroLogEntry"];
export type XeroRaisedInvoice = Schemas["XeroRaisedInvoice"];
export type PayerCompany = Schemas["PayerCompany"];
