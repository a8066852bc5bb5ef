import { z } from "zod";

type Json = Record<string, unknown>;

/**
 * JSON Schema for a tool's input or output that strict clients accept: zod writes a nullable field as
 * `type: ["string", "null"]`, which several clients reject; `anyOf` of the type and null means the same and is
 * read everywhere (and the SDK client's validator still accepts the nulls Settle sends).
 */
export function portableJsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  return rewrite(z.toJSONSchema(schema, { target: "draft-7", io, unrepresentable: "any" }) as Json) as Json;
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = rewrite(value);
  }
  const type = out.type;
  if (Array.isArray(type)) {
    const { type: _type, ...rest } = out;
    const others = type.filter((t) => t !== "null");
    const single = others.length === 1 ? [{ ...rest, type: others[0] }] : others.map((t) => ({ ...rest, type: t }));
    return type.includes("null") ? { anyOf: [...single, { type: "null" }] } : { anyOf: single };
  }
  return out;
}
