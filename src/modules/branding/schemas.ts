import { z } from "zod";

/** 512 KiB: a logo is embedded in every PDF and email, so it stays small. */
export const MAX_LOGO_BYTES = 512 * 1024;
/** Base64 of MAX_LOGO_BYTES, rounded up to whole 4-character groups. */
export const MAX_LOGO_BASE64_CHARS = Math.ceil(MAX_LOGO_BYTES / 3) * 4;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const UpdateBrandingInput = z.strictObject({
  display_name: optionalText(200),
  address: optionalText(1000),
  tax_number: optionalText(100),
  payment_terms: optionalText(2000),
  accent_color: z
    .string()
    .max(7)
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour as #rrggbb, e.g. #2f6fed")
    .optional(),
  reply_to: z.email("must be an email address").max(254).nullable().optional(),
});
export type UpdateBrandingInput = z.input<typeof UpdateBrandingInput>;

export const SetBrandingLogoInput = z.strictObject({
  data_base64: z
    .string()
    .min(1)
    .max(MAX_LOGO_BASE64_CHARS, `must be at most ${MAX_LOGO_BYTES / 1024} KiB of image once decoded`),
});
export type SetBrandingLogoInput = z.input<typeof SetBrandingLogoInput>;
