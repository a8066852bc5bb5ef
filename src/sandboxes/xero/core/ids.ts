import { randomBytes, randomUUID } from "node:crypto";

export const newId = (): string => randomUUID();

export const opaqueToken = (bytes = 32): string => randomBytes(bytes).toString("base64url");

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: string): boolean => GUID.test(value);
