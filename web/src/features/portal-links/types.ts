import type { components } from "../../lib/api-types.generated.ts";

type Schemas = components["schemas"];

export type PortalLink = Schemas["PortalLink"];
export type CreatedPortalLink = Schemas["CreatedPortalLink"];
export type CreatePortalLinkBody = Schemas["CreatePortalLink"];
export type PortalContact = Schemas["Contact"];
