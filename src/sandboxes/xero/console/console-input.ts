import { z } from "zod";
import type { FaultKind } from "../api/faults.ts";
import { CONSOLE_LIMITS as L } from "../options.ts";

export const DAY_MS = 86_400_000;
const FAULT_KINDS = ["429", "500", "503", "slow", "late", "drop"] as const satisfies readonly FaultKind[];

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const amount = z
  .number("must be a number")
  .min(-L.amount, `must be at least -${L.amount}`)
  .max(L.amount, `must be at most ${L.amount}`);
const count = (min: number, max: number) =>
  z.int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** The invoice fields the console sends to Xero's own validation, each bounded; unknown fields are refused. */
export const ConsoleInvoice = z.strictObject({
  Type: text(20).optional(),
  Status: text(20).optional(),
  Contact: z
    .strictObject({
      ContactID: text(64).optional(),
      ContactNumber: text(50).optional(),
      Name: text(255).optional(),
      EmailAddress: text(255).optional(),
    })
    .optional(),
  Date: text(40).optional(),
  DueDate: text(40).optional(),
  ExpectedPaymentDate: text(40).optional(),
  LineAmountTypes: text(20).optional(),
  InvoiceNumber: text(255).optional(),
  Reference: text(255).optional(),
  Url: text(2000).optional(),
  CurrencyCode: text(3).optional(),
  SentToContact: z.boolean().optional(),
  BrandingThemeID: text(64).optional(),
  LineItems: z
    .array(
      z.strictObject({
        LineItemID: text(64).optional(),
        Description: text(4000).optional(),
        Quantity: z
          .number("must be a number")
          .min(-L.quantity, `must be at least -${L.quantity}`)
          .max(L.quantity, `must be at most ${L.quantity}`)
          .optional(),
        UnitAmount: amount.optional(),
        LineAmount: amount.optional(),
        TaxAmount: amount.optional(),
        DiscountAmount: amount.optional(),
        DiscountRate: z
          .number("must be a number")
          .min(0, "must be 0 or more")
          .max(100, "must be 100 or less")
          .optional(),
        AccountCode: text(10).optional(),
        TaxType: text(50).optional(),
        ItemCode: text(30).optional(),
      }),
    )
    .max(L.lineItems, `must have at most ${L.lineItems} lines`)
    .optional(),
});

export const ConsolePayment = z.strictObject({
  InvoiceID: text(64),
  Amount: z
    .number("must be a number")
    .positive("must be more than 0")
    .max(L.amount, `must be at most ${L.amount}`)
    .optional(),
  AccountCode: text(10).optional(),
});

export const ConsoleClockAdvance = z
  .strictObject({
    days: z
      .number("must be a number")
      .min(0, "must be 0 or more")
      .max(L.advanceDays, `must be at most ${L.advanceDays}`)
      .optional(),
    ms: count(0, L.advanceDays * DAY_MS).optional(),
  })
  .refine((input) => (input.days ?? 0) * DAY_MS + (input.ms ?? 0) <= L.advanceDays * DAY_MS, {
    path: ["days"],
    message: `with ms, one advance must be at most ${L.advanceDays} days`,
  });

export const ConsoleFault = z.strictObject({
  kind: z.enum(FAULT_KINDS, `must be one of ${FAULT_KINDS.join(", ")}`),
  count: count(1, L.faultCount).optional(),
  delayMs: count(0, L.faultDelayMs).optional(),
  pathContains: text(200).optional(),
  method: z.enum(["GET", "PUT", "POST", "DELETE"], "must be one of GET, PUT, POST, DELETE").optional(),
});

/** Actions that take no input (revoking a connection, expiring tokens): an empty body or `{}`. */
export const ConsoleEmpty = z.strictObject({});

export const ConsoleWebhook = z.strictObject({
  url: text(2048).optional(),
  key: text(200).optional(),
});

export const ConsoleWebhookMisbehave = z.strictObject({
  duplicate: z.number().int().min(0).max(100).optional(),
  out_of_order: z.number().int().min(0).max(100).optional(),
});

export const ConsoleOrganisation = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters").optional(),
});

export type ConsoleIssue = { field: string; message: string };

export function issuesOf(error: z.ZodError): ConsoleIssue[] {
  const field = (path: PropertyKey[]) => (path.length > 0 ? path.map(String).join(".") : "body");
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: field([...issue.path, key]), message: "is not a field the console accepts" }))
      : [{ field: field(issue.path), message: issue.message }],
  );
}

const LOOPBACK_NAMES = new Set(["localhost", "[::1]"]);

/**
 * Webhook deliveries are POSTs the server makes, so the console may only aim them at Settle itself (the
 * origin the sandbox is published under) or at loopback, never at an arbitrary host. Returns why not.
 */
export function webhookTargetProblem(value: string, publicUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an absolute http or https URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an absolute http or https URL";
  if (url.origin === new URL(publicUrl).origin) return undefined;
  // URL has already normalised the host: 127.1, 0x7f.0.0.1 and 2130706433 all read 127.0.0.1 here.
  const host = url.hostname.toLowerCase();
  if (LOOPBACK_NAMES.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return undefined;
  return `must be this server (${new URL(publicUrl).origin}) or a loopback address (localhost, 127.0.0.0/8, ::1)`;
}
