import { sql } from "drizzle-orm";
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { workspaceColumn } from "./_columns.ts";
import { workspaces } from "./access.ts";
import { companies, contacts } from "./crm.ts";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** What the workspace's invoices, invoice emails and client portal carry (Settings → Branding). */
export const workspaceBranding = pgTable("workspace_branding", {
  workspaceId: text()
    .primaryKey()
    .references(() => workspaces.id),
  /** Shown on invoices instead of the workspace's name when set. */
  displayName: text(),
  /** PNG or JPEG, at most 512 KiB: embedded in the PDF and inline (cid:) in emails, never fetched remotely. */
  logo: bytea(),
  logoMimeType: text(),
  address: text(),
  taxNumber: text(),
  paymentTerms: text(),
  /** #rrggbb */
  accentColor: text().notNull().default("#2f6fed"),
  replyTo: text(),
  updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const MAIL_STATES = ["queued", "sent", "failed"] as const;
export type MailState = (typeof MAIL_STATES)[number];

export type MailAddress = { email: string; name: string | null };
/** Attachments are described, not stored: an invoice PDF is rendered when the message is delivered. */
export type MailAttachment = { kind: "invoice_pdf"; invoiceId: string; filename: string };

/**
 * Every message Settle sends (invoice emails, invitations), rendered in the transaction that caused it and
 * delivered by the job queue. `dedupeKey` makes a repeated send (double click, retried request) one message.
 * With no SMTP server configured, delivery marks it sent to the Outbox and it is read in the app.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    to: jsonb().$type<MailAddress[]>().notNull(),
    from: text().notNull(),
    replyTo: text(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    attachments: jsonb().$type<MailAttachment[]>().notNull().default([]),
    relatedType: text(),
    relatedId: text(),
    state: text({ enum: MAIL_STATES }).notNull().default("queued"),
    /** "outbox" when kept in the app (no SMTP_URL), else "smtp". Set on delivery. */
    transport: text(),
    attempts: integer().notNull().default(0),
    /** The SMTP server's last reply (e.g. "250 2.0.0 OK" or "550 5.1.1 user unknown"). */
    smtpResponse: text(),
    dedupeKey: text(),
    sentAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("mail_messages_workspace_idx").on(t.workspaceId, t.id),
    index("mail_messages_related_idx").on(t.workspaceId, t.relatedId),
    uniqueIndex("mail_messages_dedupe_unique").on(t.workspaceId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);

/**
 * A client portal link: a contact's signed, expiring, revocable access to their company's invoices. Only the
 * token's sha256 is stored, so the database alone cannot open a portal.
 */
export const portalLinks = pgTable(
  "portal_links",
  {
    id: text().primaryKey(),
    workspaceId: workspaceColumn().references(() => workspaces.id),
    contactId: text()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    companyId: text()
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp({ withTimezone: true, mode: "date" }),
    createdBy: text(),
    lastUsedAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("portal_links_token_unique").on(t.tokenHash),
    index("portal_links_contact_idx").on(t.workspaceId, t.contactId),
  ],
);
