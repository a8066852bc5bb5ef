import type { components, paths } from "../../lib/api-types.generated.ts";

export type Branding = components["schemas"]["Branding"];
export type BrandingPatch = paths["/api/v1/branding"]["patch"]["requestBody"]["content"]["application/json"];
export type BrandingLogoUpload = paths["/api/v1/branding/logo"]["put"]["requestBody"]["content"]["application/json"];
