/** The one app registered in the sandbox. Fixed so scripts and docs can rely on it. */
export const DEMO_APP = {
  clientId: "5E77E1E5A4D0B0X0SANDBOX0000DEMO1",
  clientSecret: "settle-sandbox-demo-secret-do-not-use-in-production",
  name: "Settle (sandbox demo app)",
  /** The key its webhook POSTs are signed with (Settle's default XERO_WEBHOOK_KEY). */
  webhookKey: "settle-sandbox-demo-webhook-key-do-not-use-in-production-0001",
} as const;

/** The Xero user who "logs in" on the sandbox authorize page. */
export const DEMO_USER_ID = "9f3c2a1e-4b5d-4c6e-8f70-0a1b2c3d4e5f";

/** The organisation a client_credentials (Custom Connection) token is bound to. */
export const CUSTOM_CONNECTION_TENANT_INDEX = 0;
