import type { Opportunity, StageKind } from "../../lib/types.ts";

export type { Stage, StageBody, StageKind } from "../../lib/types.ts";
export type BoardOpportunity = Opportunity;

export const KIND_LABEL: Record<StageKind, string> = { open: "Open", won: "Won", lost: "Lost" };
