import { z } from "zod";

/**
 * A record id as callers send it (REST path segment, MCP tool argument). U+0000 is refused here because
 * PostgreSQL text cannot even compare it: without this check a NUL answers 500 instead of 400.
 */
export const RecordId = z
  .string()
  .min(1)
  .max(64)
  .refine((id) => !id.includes("\u0000"), "must not contain the NUL character");

/** A verb's whole input when all it needs is the record's id. */
export const RecordRef = z.strictObject({ id: RecordId });
export type RecordRef = z.input<typeof RecordRef>;
