import { randomBytes } from "node:crypto";

/**
 * Every id Settle hands out is `<prefix>_<time><random>`: 9 base58 characters of milliseconds then 14 of
 * randomness. The alphabet is in ASCII order, so ids sort by creation time as plain strings, which keeps
 * cursor pagination on the primary key alone.
 */
const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const TIME_CHARS = 9;
const RANDOM_CHARS = 14;

export const ID_PREFIXES = {
  workspace: "ws",
  user: "usr",
  member: "mem",
  role: "role",
  apiKey: "key",
  session: "ses",
  request: "req",
  company: "co",
  contact: "con",
  product: "prod",
  opportunity: "opp",
  productLine: "line",
  statusChange: "psh",
  invoice: "inv",
  invoiceLine: "invl",
  payment: "pay",
  job: "job",
  event: "evt",
  xeroConnection: "xc",
  stripeConnection: "sc",
  paymentLink: "plk",
  paymentLog: "plog",
  businessEvent: "bev",
  mailMessage: "mail",
  portalLink: "ptl",
  auditEvent: "aud",
  stage: "stg",
  import: "imp",
  automation: "auto",
  automationRun: "arun",
  automationAction: "aact",
  opportunityNote: "note",
  oauthClient: "mcpc",
  oauthGrant: "ogr",
  xeroCall: "xcall",
  xeroWebhook: "xwh",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

function encode(value: bigint, width: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = ALPHABET[Number(rest % 58n)] + out;
    rest /= 58n;
  }
  return out;
}

// Ids made in the same millisecond continue from the previous random part + 1, so they still sort in order.
let lastTime = 0n;
let lastRandom = 0n;
const RANDOM_LIMIT = 58n ** BigInt(RANDOM_CHARS);

export function newId(kind: IdKind, now: Date = new Date()): string {
  const time = BigInt(now.getTime());
  let random: bigint;
  if (time <= lastTime) {
    random = (lastRandom + 1n) % RANDOM_LIMIT;
  } else {
    random = BigInt(`0x${randomBytes(10).toString("hex")}`) % (RANDOM_LIMIT / 2n);
    lastTime = time;
  }
  lastRandom = random;
  return `${ID_PREFIXES[kind]}_${encode(lastTime, TIME_CHARS)}${encode(random, RANDOM_CHARS)}`;
}

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIXES[kind]}_`);
}
