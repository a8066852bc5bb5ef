import { createInvoice } from "./accounting/invoices/invoice-create.ts";
import { updateInvoice } from "./accounting/invoices/invoice-update.ts";
import { createPayment, deletePayment } from "./accounting/payments/payment-service.ts";
import { runRepeatingSchedules } from "./accounting/repeating/scheduler.ts";
import type { FaultInjector, FaultRule } from "./api/faults.ts";
import type { RateLimiter } from "./api/rate-limiter.ts";
import type { RequestLog } from "./api/request-log.ts";
import type { SandboxContext } from "./context.ts";
import type { WireObject } from "./core/wire-input.ts";
import { DEMO_APP } from "./identity/demo-app.ts";
import { type OrganisationSeed, seedOrganisation } from "./state/demo-seed.ts";
import type { EmailRecord, InvoiceRecord, OrganisationRecord } from "./state/types.ts";
import type { WebhookDispatcher } from "./webhooks/dispatcher.ts";

export interface ConnectionView {
  id: string;
  tenantId: string;
  tenantName: string;
  authEventId: string;
  userId: string;
  /** A client_credentials (Custom Connection) link rather than a user's consent. */
  customConnection: boolean;
  createdDateUtc: string;
  updatedDateUtc: string;
}

export type AdminResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** What a Xero user (or a test) can do from inside "Xero": the console and tests drive this. */
export class XeroSandboxAdmin {
  constructor(
    private readonly ctx: SandboxContext,
    readonly faults: FaultInjector,
    readonly webhooks: WebhookDispatcher,
    private readonly limiter: RateLimiter,
    private readonly log: RequestLog,
  ) {}

  organisations(): OrganisationRecord[] {
    return this.ctx.store.organisations();
  }

  organisation(tenantId: string): OrganisationRecord | undefined {
    return this.ctx.store.organisation(tenantId);
  }

  seedOrganisation(seed: OrganisationSeed): OrganisationRecord {
    const org = seedOrganisation(seed, this.ctx.clock.nowMs());
    this.ctx.store.state.organisations[org.organisationId] = org;
    this.ctx.store.changed();
    return org;
  }

  /** Bulk-creates authorised invoices through the normal validation path, without webhooks. */
  seedInvoices(tenantId: string, count: number, contactId?: string): number {
    const org = this.requireOrg(tenantId);
    const contact = contactId ? org.contacts[contactId.toLowerCase()] : Object.values(org.contacts)[0];
    const quiet: SandboxContext = { ...this.ctx, events: { emit: () => undefined } };
    let created = 0;
    for (let i = 0; i < count; i += 1) {
      const result = createInvoice(quiet, org, seededInvoice(contact?.contactId ?? "", i, this.today()), { unitdp: 2 });
      if (result.ok) created += 1;
    }
    return created;
  }

  createInvoice(tenantId: string, input: WireObject): AdminResult<InvoiceRecord> {
    const result = createInvoice(this.ctx, this.requireOrg(tenantId), input, { unitdp: 4 });
    return result.ok ? { ok: true, value: result.invoice } : result;
  }

  updateInvoice(tenantId: string, invoiceId: string, input: WireObject): AdminResult<InvoiceRecord> {
    const org = this.requireOrg(tenantId);
    const invoice = org.invoices[invoiceId.toLowerCase()];
    if (!invoice) return { ok: false, errors: ["Invoice not found"] };
    const result = updateInvoice(this.ctx, org, invoice, input, 4);
    return result.ok ? { ok: true, value: result.invoice } : result;
  }

  voidInvoice(tenantId: string, invoiceId: string): AdminResult<InvoiceRecord> {
    return this.updateInvoice(tenantId, invoiceId, { Status: "VOIDED" });
  }

  /** "Record a payment" inside Xero; the full amount due when no amount is given. */
  recordPayment(tenantId: string, invoiceId: string, amount?: number, accountCode = "090"): AdminResult<string> {
    const org = this.requireOrg(tenantId);
    const invoice = org.invoices[invoiceId.toLowerCase()];
    const input = {
      Invoice: { InvoiceID: invoiceId },
      Account: { Code: accountCode },
      Amount: amount ?? invoice?.amountDue ?? 0,
    };
    const result = createPayment(this.ctx, org, input);
    return result.ok ? { ok: true, value: result.payment.paymentId } : result;
  }

  deletePayment(tenantId: string, paymentId: string): AdminResult<string> {
    const org = this.requireOrg(tenantId);
    const payment = org.payments[paymentId.toLowerCase()];
    if (!payment) return { ok: false, errors: ["Payment not found"] };
    const result = deletePayment(this.ctx, org, payment);
    return result.ok ? { ok: true, value: paymentId } : result;
  }

  /** The demo app's connections in place, newest consent last: what Xero's "Connected apps" page lists. */
  connections(): ConnectionView[] {
    return this.ctx.grants
      .liveConnections(DEMO_APP.clientId)
      .sort((a, b) => a.updatedMs - b.updatedMs)
      .map((c) => ({
        id: c.id,
        tenantId: c.tenantId,
        tenantName: this.ctx.store.organisation(c.tenantId)?.name ?? "",
        authEventId: c.authEventId,
        userId: c.userId,
        customConnection: c.userId.startsWith("custom:"),
        createdDateUtc: new Date(c.createdMs).toISOString(),
        updatedDateUtc: new Date(c.updatedMs).toISOString(),
      }));
  }

  /**
   * A Xero user disconnecting the app from an organisation: its connections go, so the app's tokens answer 403
   * for that tenant and /connections no longer lists it; refresh tokens and other tenants keep working.
   */
  revokeConnection(tenantId: string): number {
    this.requireOrg(tenantId);
    return this.ctx.grants.disconnectTenant(DEMO_APP.clientId, tenantId).length;
  }

  /** Every access token the demo app holds answers 401 TokenExpired from now; refreshing gets working ones. */
  expireAccessTokens(): Date {
    return new Date(this.ctx.grants.expireAccessTokens(DEMO_APP.clientId).atMs);
  }

  /** Moves the sandbox clock forward and runs repeating schedules that came due. */
  advanceClock(ms: number): InvoiceRecord[] {
    this.ctx.clock.advance(ms);
    this.ctx.store.state.clockOffsetMs = this.ctx.clock.offset;
    this.ctx.store.changed();
    return runRepeatingSchedules(this.ctx);
  }

  /** How far the sandbox clock runs ahead of the host clock. */
  clockOffsetMs(): number {
    return this.ctx.clock.offset;
  }

  /** Everything the organisation has accumulated that the console can add to. */
  objectCount(org: OrganisationRecord): number {
    return (
      Object.keys(org.contacts).length +
      Object.keys(org.invoices).length +
      Object.keys(org.payments).length +
      Object.keys(org.repeatingInvoices).length +
      org.emails.length
    );
  }

  now(): Date {
    return new Date(this.ctx.clock.nowMs());
  }

  emails(tenantId: string): EmailRecord[] {
    return [...this.requireOrg(tenantId).emails];
  }

  injectFault(rule: Omit<FaultRule, "remaining"> & { count?: number }): void {
    this.faults.inject(rule);
  }

  resetRateLimits(): void {
    this.limiter.reset();
  }

  requestLog() {
    return this.log.recent();
  }

  private today(): string {
    return new Date(this.ctx.clock.nowMs()).toISOString().slice(0, 10);
  }

  private requireOrg(tenantId: string): OrganisationRecord {
    const org = this.ctx.store.organisation(tenantId);
    if (!org) throw new Error(`Unknown organisation ${tenantId}`);
    return org;
  }
}

function seededInvoice(contactId: string, i: number, today: string): WireObject {
  return {
    Type: "ACCREC",
    Contact: { ContactID: contactId },
    Date: today,
    DueDate: today,
    Status: "AUTHORISED",
    Reference: `SEED-${i}`,
    LineItems: [
      { Description: "Consulting", Quantity: 1 + (i % 5), UnitAmount: 99.95, AccountCode: "200" },
      { Description: "Licence", Quantity: 1, UnitAmount: 250, AccountCode: "200" },
    ],
  };
}
