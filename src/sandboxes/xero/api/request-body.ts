import type { Context } from "hono";
import { isObject, type WireObject } from "../core/wire-input.ts";
import { postDataInvalid } from "./responses.ts";

export type BodyResult = { ok: true; body: WireObject } | { ok: false; response: Response };

/** JSON only; XML (which real Xero also accepts) is answered as invalid post data. */
export async function readJsonBody(c: Context): Promise<BodyResult> {
  const type = c.req.header("content-type") ?? "";
  if (type.includes("xml"))
    return {
      ok: false,
      response: postDataInvalid(c, "XML request bodies are not supported by the sandbox; send JSON."),
    };
  const text = await c.req.text();
  if (!text.trim()) return { ok: true, body: {} };
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed)) return { ok: false, response: postDataInvalid(c, "Invalid Json data") };
    return { ok: true, body: parsed };
  } catch {
    return { ok: false, response: postDataInvalid(c, "Invalid Json data") };
  }
}
