export { getBranding } from "./get-branding.ts";
export { getBrandingLogo } from "./get-branding-logo.ts";
export { type Branding, DEFAULT_ACCENT_COLOR, loadBranding } from "./load-branding.ts";
export { LOGO_MIME_TYPES, type LogoMimeType, sniffLogoType } from "./logo-image.ts";
export { removeBrandingLogo } from "./remove-branding-logo.ts";
export * from "./schemas.ts";
export { setBrandingLogo } from "./set-branding-logo.ts";
export { updateBranding } from "./update-branding.ts";
