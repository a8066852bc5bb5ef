import { z } from "@hono/zod-openapi";
import type { StageRow } from "../modules/stages/index.ts";

export const StageSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(["open", "won", "lost"]).openapi({ description: "won and lost stages close their deals" }),
    position: z.number().int().openapi({ description: "0-based column order on the board" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Stage");

export function toStageDto(row: StageRow): z.infer<typeof StageSchema> {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    position: row.position,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
