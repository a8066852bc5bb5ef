/** Readers for PascalCase request bodies, which arrive as unknown JSON. */
export type WireObject = Record<string, unknown>;

export function isObject(value: unknown): value is WireObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function str(source: WireObject, key: string): string | undefined {
  const value = source[key];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

export function num(source: WireObject, key: string): number | undefined {
  const value = source[key];
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function bool(source: WireObject, key: string): boolean | undefined {
  const value = source[key];
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

export function obj(source: WireObject, key: string): WireObject | undefined {
  const value = source[key];
  return isObject(value) ? value : undefined;
}

export function list(source: WireObject, key: string): WireObject[] | undefined {
  const value = source[key];
  return Array.isArray(value) ? value.filter(isObject) : undefined;
}

export function has(source: WireObject, key: string): boolean {
  return source[key] !== undefined && source[key] !== null;
}
