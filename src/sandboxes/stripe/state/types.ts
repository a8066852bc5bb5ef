/** A Stripe API object exactly as it goes on the wire. */
export interface StripeObject {
  id: string;
  object: string;
  [key: string]: unknown;
}

export interface StoredObject {
  /** The account the object lives on: the platform's id, or a connected account's. */
  account: string;
  /** Insertion order; breaks ties between objects created in the same second. */
  seq: number;
  body: StripeObject;
}

export interface PlatformRecord {
  accountId: string;
  secretKey: string;
  publishableKey: string;
  /** Connect's `ca_…`, the OAuth client id. */
  clientId: string;
  /** The signing secret of the endpoint configured with the sandbox (the `stripe listen` secret). */
  webhookSecret: string;
  /** Redirect URIs the platform registered; an authorize request must use one of them (any, when empty). */
  redirectUris: string[];
}

export interface ConnectedAccountRecord {
  accountId: string;
  /** Legacy access token Connect OAuth returns; works as a secret key for that account alone. */
  accessToken: string;
  refreshToken: string;
  publishableKey: string;
  connectedAtMs: number;
  /** Set when the account disconnected the platform (deauthorize, or from the console). */
  deauthorizedAtMs?: number;
}

export interface AuthCodeRecord {
  code: string;
  accountId: string;
  scope: string;
  redirectUri?: string;
  expiresAtMs: number;
}

export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: string;
  createdAtMs: number;
}

export interface StripeSandboxState {
  version: 1;
  clockOffsetMs: number;
  seq: number;
  platform: PlatformRecord;
  connected: Record<string, ConnectedAccountRecord>;
  authCodes: Record<string, AuthCodeRecord>;
  objects: Record<string, StoredObject>;
  /** `${account} ${key}` → the first answer. */
  idempotency: Record<string, IdempotencyRecord>;
}
