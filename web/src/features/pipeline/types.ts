import type { Opportunity } from "../../lib/types.ts";

// The stages API's shapes (GET /api/v1/stages); aliased to the generated types once the server's document
// carries them.
export type StageKind = "open" | "won" | "lost";
export type Stage = { id: string; name: string; kind: StageKind; position: number };
export type StageBody = { name?: string; kind?: StageKind; position?: number };
export type BoardOpportunity = Opportunity & { stage_id?: string | null };

export const KIND_LABEL: Record<StageKind, string> = { open: "Open", won: "Won", lost: "Lost" };
