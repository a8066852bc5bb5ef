// biome-ignore-all lint: generated code
/**
 * Generated from the server's OpenAPI document by `npm run api-types`; do not edit by hand.
 */

/** OneOf type helpers */
type Without<T, U> = { [P in Exclude<keyof T, keyof U>]?: never };
type XOR<T, U> = T | U extends object ? (Without<T, U> & U) | (Without<U, T> & T) : T | U;
type OneOf<T extends any[]> = T extends [infer Only]
  ? Only
  : T extends [infer A, infer B, ...infer Rest]
    ? OneOf<[XOR<A, B>, ...Rest]>
    : never;

export interface paths {
  "/api/v1/api-keys": {
    /**
     * List active API keys
     * @description Requires scope `api_keys:write`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
        };
      };
      responses: {
        /** @description A page of keys */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["ApiKey"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Create an API key
     * @description Requires scope `api_keys:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            name: string;
            /** @description Scope names (a subset of yours), or "full_access" to copy your current scopes into the key. */
            scopes: string[] | "full_access";
          };
        };
      };
      responses: {
        /** @description The key, with its secret shown once */
        201: {
          content: {
            "application/json": components["schemas"]["CreatedApiKey"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/api-keys/{id}": {
    /**
     * Revoke a key
     * @description Requires scope `api_keys:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Revoked */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Rename a key or replace its scopes
     * @description Requires scope `api_keys:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            scopes?: string[];
          };
        };
      };
      responses: {
        /** @description The key */
        200: {
          content: {
            "application/json": components["schemas"]["ApiKey"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/audit-events": {
    /**
     * Sign-ins, member, role, API key and integration changes, newest first (admins)
     * @description Requires scope `members:write`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
          /** @description Only events of this action */
          action?:
            | "session.sign_in"
            | "session.sign_in_failed"
            | "session.switch_workspace"
            | "member.invited"
            | "member.invite_accepted"
            | "member.role_changed"
            | "member.removed"
            | "role.created"
            | "role.updated"
            | "role.deleted"
            | "api_key.created"
            | "api_key.updated"
            | "api_key.revoked"
            | "integration.connected"
            | "integration.disconnected"
            | "oauth.grant_created"
            | "oauth.grant_revoked"
            | "branding.updated"
            | "portal_link.created"
            | "portal_link.revoked";
        };
      };
      responses: {
        /** @description A page of audit events */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["AuditEvent"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/automations": {
    /**
     * The workspace's automations
     * @description Requires scope `automations:read`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
        };
      };
      responses: {
        /** @description One page */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Automation"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Create an automation: a trigger (business event type), optional conditions (all/any), ordered actions. A call_webhook action's signing secret is in this answer only
     * @description Requires scope `automations:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            actions: OneOf<
              [
                {
                  body: string;
                  continue_on_failure?: boolean;
                  id?: string;
                  subject: string;
                  /** @description An email address; default the opportunity's primary contact */
                  to?: string;
                  /** @enum {string} */
                  type: "send_email";
                },
                {
                  continue_on_failure?: boolean;
                  id?: string;
                  /** @enum {string} */
                  type: "call_webhook";
                  url: string;
                },
                {
                  continue_on_failure?: boolean;
                  id?: string;
                  stage: string;
                  /** @enum {string} */
                  type: "set_stage";
                },
                {
                  continue_on_failure?: boolean;
                  id?: string;
                  /** @enum {string} */
                  status: "open" | "won" | "lost";
                  /** @enum {string} */
                  type: "set_status";
                },
                {
                  body: string;
                  continue_on_failure?: boolean;
                  id?: string;
                  /** @enum {string} */
                  type: "add_note";
                },
              ]
            >[];
            conditions?: {
              all?: {
                /** @enum {string} */
                field:
                  | "amount"
                  | "currency"
                  | "portion"
                  | "provider"
                  | "source"
                  | "company"
                  | "opportunity_stage"
                  | "opportunity_status"
                  | "from"
                  | "to";
                /** @enum {string} */
                op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in";
                value: string | number | (string | number)[];
              }[];
              any?: {
                /** @enum {string} */
                field:
                  | "amount"
                  | "currency"
                  | "portion"
                  | "provider"
                  | "source"
                  | "company"
                  | "opportunity_stage"
                  | "opportunity_status"
                  | "from"
                  | "to";
                /** @enum {string} */
                op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in";
                value: string | number | (string | number)[];
              }[];
            } | null;
            /** @default true */
            enabled?: boolean;
            name: string;
            trigger: {
              /** @enum {string} */
              type:
                | "payment_succeeded"
                | "payment_failed"
                | "payment_refunded"
                | "invoice_paid"
                | "invoice_sent"
                | "payment_status_changed"
                | "opportunity_stage_changed";
            };
          };
        };
      };
      responses: {
        /** @description The automation, with new webhook secrets */
        201: {
          content: {
            "application/json": components["schemas"]["Automation"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/automations/{id}": {
    /**
     * One automation
     * @description Requires scope `automations:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The automation */
        200: {
          content: {
            "application/json": components["schemas"]["Automation"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Delete an automation and its run log
     * @description Requires scope `automations:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Deleted */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Change an automation (name, enabled, trigger, conditions, actions). Send an action's id to keep it and its webhook secret
     * @description Requires scope `automations:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            actions?: OneOf<
              [
                {
                  body: string;
                  continue_on_failure?: boolean;
                  id?: string;
                  subject: string;
                  /** @description An email address; default the opportunity's primary contact */
                  to?: string;
                  /** @enum {string} */
                  type: "send_email";
                },
                {
                  continue_on_failure?: boolean;
                  id?: string;
                  /** @enum {string} */
                  type: "call_webhook";
                  url: string;
                },
                {
                  continue_on_failure?: boolean;
                  id?: string;
                  stage: string;
                  /** @enum {string} */
                  type: "set_stage";
                },
                {
                  continue_on_failure?: boolean;
                  id?: string;
                  /** @enum {string} */
                  status: "open" | "won" | "lost";
                  /** @enum {string} */
                  type: "set_status";
                },
                {
                  body: string;
                  continue_on_failure?: boolean;
                  id?: string;
                  /** @enum {string} */
                  type: "add_note";
                },
              ]
            >[];
            conditions?: {
              all?: {
                /** @enum {string} */
                field:
                  | "amount"
                  | "currency"
                  | "portion"
                  | "provider"
                  | "source"
                  | "company"
                  | "opportunity_stage"
                  | "opportunity_status"
                  | "from"
                  | "to";
                /** @enum {string} */
                op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in";
                value: string | number | (string | number)[];
              }[];
              any?: {
                /** @enum {string} */
                field:
                  | "amount"
                  | "currency"
                  | "portion"
                  | "provider"
                  | "source"
                  | "company"
                  | "opportunity_stage"
                  | "opportunity_status"
                  | "from"
                  | "to";
                /** @enum {string} */
                op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in";
                value: string | number | (string | number)[];
              }[];
            } | null;
            enabled?: boolean;
            name?: string;
            trigger?: {
              /** @enum {string} */
              type:
                | "payment_succeeded"
                | "payment_failed"
                | "payment_refunded"
                | "invoice_paid"
                | "invoice_sent"
                | "payment_status_changed"
                | "opportunity_stage_changed";
            };
          };
        };
      };
      responses: {
        /** @description The automation, with any new webhook secrets */
        200: {
          content: {
            "application/json": components["schemas"]["Automation"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/automations/{id}/replay": {
    /**
     * Replay a past event for this automation as a new run (admins: also needs settings:write)
     * @description Requires scope `automations:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description A past business event (GET /api/v1/events) to run against, without acting */
            event_id: string;
          };
        };
      };
      responses: {
        /** @description Started */
        202: {
          content: {
            "application/json": {
              outcome: string;
              run_id: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/automations/{id}/runs": {
    /**
     * The run log: each run with its event, result and per-action outcome (attempts, status, next retry)
     * @description Requires scope `automations:read`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description One page, newest first */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["AutomationRun"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/automations/{id}/runs/{run_id}/actions/{action_id}/retry": {
    /**
     * Retry a failed or dead action of a run (the actions it stopped run after it)
     * @description Requires scope `automations:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
          run_id: string;
          action_id: string;
        };
      };
      responses: {
        /** @description Queued */
        202: {
          content: {
            "application/json": {
              action_id: string;
              run_id: string;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/automations/{id}/test-run": {
    /**
     * Dry run against a past event: whether it matches and what each action would do; nothing is done
     * @description Requires scope `automations:read`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description A past business event (GET /api/v1/events) to run against, without acting */
            event_id: string;
          };
        };
      };
      responses: {
        /** @description What would happen */
        200: {
          content: {
            "application/json": components["schemas"]["AutomationTestRun"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/branding": {
    /**
     * The workspace's branding (name, address, tax number, payment terms, accent colour, logo)
     * @description Requires scope `invoices:read`.
     */
    get: {
      responses: {
        /** @description The branding, with defaults where nothing was saved */
        200: {
          content: {
            "application/json": components["schemas"]["Branding"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Change branding fields (only those given; an empty string clears a text field)
     * @description Requires scope `settings:write`.
     */
    patch: {
      requestBody: {
        content: {
          "application/json": {
            accent_color?: string;
            address?: string | null;
            display_name?: string | null;
            payment_terms?: string | null;
            /** Format: email */
            reply_to?: string | null;
            tax_number?: string | null;
          };
        };
      };
      responses: {
        /** @description The branding */
        200: {
          content: {
            "application/json": components["schemas"]["Branding"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/branding/logo": {
    /**
     * The logo image (404 when none is set)
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        query?: {
          /** @description Any value; changes with the logo so caches refetch */
          v?: string;
        };
      };
      responses: {
        /** @description The image as uploaded */
        200: {
          content: {
            "image/jpeg": string;
            "image/png": string;
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Replace the logo
     * @description JSON `{"data_base64": "…"}`: a PNG or JPEG of at most 512 KiB, base64-encoded. The type is read from the image's own bytes; anything else is refused with 400.
     *
     * Requires scope `settings:write`.
     */
    put: {
      requestBody: {
        content: {
          "application/json": {
            data_base64: string;
          };
        };
      };
      responses: {
        /** @description The branding with its new logo */
        200: {
          content: {
            "application/json": components["schemas"]["Branding"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Remove the logo
     * @description Requires scope `settings:write`.
     */
    delete: {
      responses: {
        /** @description The branding without a logo */
        200: {
          content: {
            "application/json": components["schemas"]["Branding"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/companies": {
    /**
     * List companies, newest first or by name (`sort=name`); `q` searches the name; archived hidden unless `archived=true|only`
     * @description Requires scope `companies:read`.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          q?: string;
          archived?: "false" | "true" | "only";
          sort?: "newest" | "name";
          /** @description Comma-separated company ids (at most 100): only these, archived too unless `archived` says otherwise */
          ids?: string | string[];
        };
      };
      responses: {
        /** @description A page of companies */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Company"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Create a company
     * @description Requires scope `companies:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            email?: string | null;
            name: string;
            phone?: string | null;
            website?: string | null;
          };
        };
      };
      responses: {
        /** @description The company */
        201: {
          content: {
            "application/json": components["schemas"]["Company"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/companies.csv": {
    /**
     * Companies as CSV (streamed; same q and archived filters as the list)
     * @description Requires scope `companies:read`.
     */
    get: {
      parameters: {
        query?: {
          q?: string;
          archived?: "false" | "true" | "only";
        };
      };
      responses: {
        /** @description text/csv */
        200: {
          content: {
            "text/csv": string;
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/companies/{id}": {
    /**
     * Get a company
     * @description Requires scope `companies:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The company */
        200: {
          content: {
            "application/json": components["schemas"]["Company"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Delete a company without opportunities (its contacts are unlinked)
     * @description Requires scope `companies:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Deleted */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Update a company
     * @description Requires scope `companies:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            archived?: boolean;
            email?: string | null;
            name?: string;
            phone?: string | null;
            website?: string | null;
          };
        };
      };
      responses: {
        /** @description The company */
        200: {
          content: {
            "application/json": components["schemas"]["Company"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/companies/{id}/overview": {
    /**
     * A company page: the company, its contacts, opportunities and (with invoices:read) invoices
     * @description Each part appears only with its read scope (contacts:read, opportunities:read, invoices:read).
     *
     * Requires scope `companies:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The company and what belongs to it */
        200: {
          content: {
            "application/json": components["schemas"]["CompanyOverview"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/companies/{id}/xero-contact": {
    /**
     * Link a company to a new or existing Xero contact
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": OneOf<
            [
              {
                /** @enum {string} */
                mode: "create";
              },
              {
                /** Format: uuid */
                contact_id: string;
                /** @enum {string} */
                mode: "link";
              },
            ]
          >;
        };
      };
      responses: {
        /** @description The company with its Xero contact */
        200: {
          content: {
            "application/json": components["schemas"]["Company"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/contacts": {
    /**
     * List contacts, newest first; `q` searches the name, `company_id` filters
     * @description Requires scope `contacts:read`.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          q?: string;
          company_id?: string;
        };
      };
      responses: {
        /** @description A page of contacts */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Contact"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Create a contact
     * @description Requires scope `contacts:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            company_id?: string | null;
            email?: string | null;
            is_primary?: boolean;
            name: string;
            phone?: string | null;
          };
        };
      };
      responses: {
        /** @description The contact */
        201: {
          content: {
            "application/json": components["schemas"]["Contact"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/contacts.csv": {
    /**
     * Contacts with their company as CSV (streamed)
     * @description Requires scope `contacts:read`.
     */
    get: {
      parameters: {
        query?: {
          q?: string;
        };
      };
      responses: {
        /** @description text/csv */
        200: {
          content: {
            "text/csv": string;
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/contacts/{id}": {
    /**
     * Get a contact
     * @description Requires scope `contacts:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The contact */
        200: {
          content: {
            "application/json": components["schemas"]["Contact"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Delete a contact (opportunities naming it as primary keep going without one)
     * @description Requires scope `contacts:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Deleted */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Update a contact
     * @description Requires scope `contacts:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            company_id?: string | null;
            email?: string | null;
            is_primary?: boolean;
            name?: string;
            phone?: string | null;
          };
        };
      };
      responses: {
        /** @description The contact */
        200: {
          content: {
            "application/json": components["schemas"]["Contact"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/contacts/{id}/portal-links": {
    /**
     * List a contact's portal links, newest first (active, expired and revoked; never the token)
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description A page of portal links */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["PortalLink"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Create a client portal link for a contact (their company's invoices); the url is shown once
     * @description The contact must belong to a company (else 409). The link expires after `expires_in_days` (default 30) and can be revoked.
     *
     * Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": components["schemas"]["CreatePortalLink"];
        };
      };
      responses: {
        /** @description The link, with its address */
        201: {
          content: {
            "application/json": components["schemas"]["CreatedPortalLink"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals": {
    /**
     * List opportunities, newest first; filter by q (name), status, stage, company_id
     * @description With `expand=products` each item carries its lines (payment_status only with invoices:read).
     *
     * Requires scope `opportunities:read`.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          q?: string;
          status?: "open" | "won" | "lost";
          stage?: string;
          stage_id?: string;
          company_id?: string;
          payment_status?: "unpaid" | "deposit_invoiced" | "invoiced" | "paid";
          min_amount_due?: number | null;
          expand?: "products";
        };
      };
      responses: {
        /** @description A page of opportunities */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Opportunity"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Create an opportunity
     * @description Stage is free text; the default pipeline is lead, qualified, proposal, negotiation, won, lost. company_id, primary_contact_id and owner_id from outside the workspace are 404.
     *
     * Requires scope `opportunities:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            company_id: string;
            currency: string;
            name: string;
            owner_id?: string | null;
            primary_contact_id?: string | null;
            stage?: string;
            stage_id?: string;
            /** @enum {string} */
            status?: "open" | "won" | "lost";
          };
        };
      };
      responses: {
        /** @description The opportunity */
        201: {
          content: {
            "application/json": components["schemas"]["Opportunity"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals.csv": {
    /**
     * Opportunities as CSV, one row per line (streamed; payment_status only with invoices:read)
     * @description Requires scope `opportunities:read`.
     */
    get: {
      parameters: {
        query?: {
          q?: string;
        };
      };
      responses: {
        /** @description text/csv */
        200: {
          content: {
            "text/csv": string;
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}": {
    /**
     * Get an opportunity
     * @description With `expand=products` each item carries its lines (payment_status only with invoices:read).
     *
     * Requires scope `opportunities:read`.
     */
    get: {
      parameters: {
        query?: {
          expand?: "products";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The opportunity */
        200: {
          content: {
            "application/json": components["schemas"]["Opportunity"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Delete an opportunity and its lines
     * @description Requires scope `opportunities:delete`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Deleted */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Update an opportunity
     * @description Stage is free text; the default pipeline is lead, qualified, proposal, negotiation, won, lost. The currency cannot change while it has lines (409).
     *
     * Requires scope `opportunities:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            company_id?: string;
            currency?: string;
            name?: string;
            owner_id?: string | null;
            primary_contact_id?: string | null;
            stage?: string;
            stage_id?: string;
            /** @enum {string} */
            status?: "open" | "won" | "lost";
          };
        };
      };
      responses: {
        /** @description The opportunity */
        200: {
          content: {
            "application/json": components["schemas"]["Opportunity"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/invoice-summary": {
    /**
     * Invoiced and paid totals
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Totals in the opportunity's currency */
        200: {
          content: {
            "application/json": components["schemas"]["InvoiceSummary"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/invoices": {
    /**
     * List the opportunity's invoices
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description All invoices, oldest first */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Invoice"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Raise a native DRAFT invoice
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @default false */
            confirm_double_billing?: boolean;
            /** Format: date */
            due_date?: string;
            free_lines?: {
              description: string;
              /** @default 1 */
              quantity?: number | string;
              /** @default 0 */
              tax_rate?: number | string;
              unit_amount: number;
            }[];
            /** Format: date */
            issue_date?: string;
            line_ids?: string[];
            notes?: string;
            /** @enum {string} */
            portion: "full" | "deposit" | "balance" | "ongoing";
            reference?: string;
          };
        };
      };
      responses: {
        /** @description The draft invoice */
        201: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/invoices/preview": {
    /**
     * Preview an invoice (no write)
     * @description Requires scope `invoices:read`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            free_lines?: {
              description: string;
              /** @default 1 */
              quantity?: number | string;
              /** @default 0 */
              tax_rate?: number | string;
              unit_amount: number;
            }[];
            line_ids?: string[];
            /** @enum {string} */
            portion: "full" | "deposit" | "balance" | "ongoing";
          };
        };
      };
      responses: {
        /** @description Lines, amounts and warnings */
        200: {
          content: {
            "application/json": components["schemas"]["InvoicePreview"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/payer-companies": {
    /**
     * The opportunity's payer companies
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Payer companies */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["PayerCompany"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/payer-companies/{company_id}": {
    /**
     * Add a payer company to the opportunity
     * @description Requires scope `invoices:write`.
     */
    put: {
      parameters: {
        path: {
          id: string;
          company_id: string;
        };
      };
      responses: {
        /** @description Payer companies */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["PayerCompany"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Remove a payer company from the opportunity
     * @description Requires scope `invoices:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
          company_id: string;
        };
      };
      responses: {
        /** @description Payer companies */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["PayerCompany"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/products": {
    /**
     * List an opportunity's product lines in sort_order
     * @description `payment_status` appears on lines only with invoices:read (the key is absent otherwise). Setting it needs invoices:write: without it the request is 403 and nothing changes.
     *
     * Requires scope `opportunities:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Every line (one page) */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["ProductLine"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Add a product line
     * @description unit_amount, tax_rate default to the product's (unit_amount is required when the product's currency differs). `payment_status` appears on lines only with invoices:read (the key is absent otherwise). Setting it needs invoices:write: without it the request is 403 and nothing changes.
     *
     * Requires scope `opportunities:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            deposit_percent?: number | string | null;
            discount_percent?: number | string;
            /** @enum {string} */
            payment_status?: "unpaid" | "deposit_invoiced" | "invoiced" | "paid";
            product_id: string;
            quantity?: number | string;
            sort_order?: number;
            tax_rate?: number | string;
            unit_amount?: number;
          };
        };
      };
      responses: {
        /** @description The line */
        201: {
          content: {
            "application/json": components["schemas"]["ProductLine"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/products/{lineId}": {
    /**
     * Get a product line
     * @description `payment_status` appears on lines only with invoices:read (the key is absent otherwise). Setting it needs invoices:write: without it the request is 403 and nothing changes.
     *
     * Requires scope `opportunities:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
          lineId: string;
        };
      };
      responses: {
        /** @description The line */
        200: {
          content: {
            "application/json": components["schemas"]["ProductLine"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Remove a product line (its payment status history is kept)
     * @description Requires scope `opportunities:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
          lineId: string;
        };
      };
      responses: {
        /** @description Removed */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Edit a product line (quantity, price, discount, deposit, tax, order, payment status)
     * @description A manual payment_status sets exactly the value given, up or down, and is recorded in the history. `payment_status` appears on lines only with invoices:read (the key is absent otherwise). Setting it needs invoices:write: without it the request is 403 and nothing changes.
     *
     * Requires scope `opportunities:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
          lineId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            deposit_percent?: number | string | null;
            discount_percent?: number | string;
            /** @enum {string} */
            payment_status?: "unpaid" | "deposit_invoiced" | "invoiced" | "paid";
            quantity?: number | string;
            sort_order?: number;
            tax_rate?: number | string;
            unit_amount?: number;
          };
        };
      };
      responses: {
        /** @description The line */
        200: {
          content: {
            "application/json": components["schemas"]["ProductLine"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/products/{lineId}/payment-status-history": {
    /**
     * A line's payment status changes, oldest first
     * @description Also needs opportunities:read.
     *
     * Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
        };
        path: {
          id: string;
          lineId: string;
        };
      };
      responses: {
        /** @description A page of changes */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["PaymentStatusChange"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/products/reorder": {
    /**
     * Reorder the lines: line_ids lists every line once, in the new order
     * @description Requires scope `opportunities:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            line_ids: string[];
          };
        };
      };
      responses: {
        /** @description The lines in their new order */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["ProductLine"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/xero-invoices": {
    /**
     * Raise the invoice in Xero (draft or approved) and record it
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            account_code?: string;
            branding_theme_id?: string;
            /** @default false */
            confirm_double_billing?: boolean;
            /** Format: date */
            due_date: string;
            /**
             * @default none
             * @enum {string}
             */
            email?: "none" | "xero";
            free_lines?: {
              description: string;
              /** @default 1 */
              quantity?: number | string;
              /** @default 0 */
              tax_rate?: number | string;
              unit_amount: number;
            }[];
            line_ids?: string[];
            line_settings?: {
              account_code?: string;
              line_id: string;
              tax_type?: string;
            }[];
            /** @enum {string} */
            portion: "full" | "deposit" | "balance" | "ongoing";
            reference?: string;
            /** @enum {string} */
            status: "DRAFT" | "AUTHORISED";
            tax_type?: string;
          };
        };
      };
      responses: {
        /** @description The invoice as Xero numbered and totalled it */
        201: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/xero-invoices/sync": {
    /**
     * Queue a sync of the opportunity's Xero invoices
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description false when a sync was already waiting */
        202: {
          content: {
            "application/json": {
              queued: boolean;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/xero-raised-invoices": {
    /**
     * Invoices raised in Xero for the client and payer companies (they never move line statuses)
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Invoices raised in Xero */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["XeroRaisedInvoice"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/deals/{id}/xero-repeating-invoices": {
    /**
     * The opportunity's Xero repeating invoices
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Live schedules */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["XeroRepeatingInvoice"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Bill the ongoing lines with a Xero repeating invoice on a schedule
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            account_code?: string;
            /** @enum {string} */
            approval: "draft" | "approve" | "approve_for_sending";
            branding_theme_id?: string;
            line_ids?: string[];
            line_settings?: {
              account_code?: string;
              line_id: string;
              tax_type?: string;
            }[];
            reference?: string;
            schedule: {
              due: {
                day: number;
                /** @enum {string} */
                type: "days_after_invoice" | "day_of_following_month";
              };
              /** Format: date */
              end_date?: string;
              every: number;
              /** Format: date */
              start_date: string;
              /** @enum {string} */
              unit: "week" | "month";
            };
          };
        };
      };
      responses: {
        /** @description The repeating invoice as Xero created it */
        201: {
          content: {
            "application/json": components["schemas"]["XeroRepeatingInvoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/events": {
    /**
     * Business events (payment_succeeded once per invoice, payment_failed, payment_refunded…), newest first
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          type?:
            | "payment_succeeded"
            | "payment_failed"
            | "payment_refunded"
            | "invoice_paid"
            | "invoice_sent"
            | "payment_status_changed"
            | "opportunity_stage_changed";
          invoice_id?: string;
          opportunity_id?: string;
        };
      };
      responses: {
        /** @description One page */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["BusinessEvent"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/imports": {
    /**
     * List imports, newest first
     * @description Requires scope `companies:read`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
        };
      };
      responses: {
        /** @description A page of imports */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Import"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Import companies, contacts, products or opportunities (with their lines) from CSV
     * @description Every row is checked with the API's own schemas; a bad row is reported and never stops the others. `dry_run: true` answers with each row's errors and writes nothing; otherwise the import runs as a background job (poll GET /imports/{id}). Rows update the record matched by `key_column` (default: id, else name, email or sku), so the same file twice never duplicates. Also needs the entity's write scope.
     *
     * Requires scope `companies:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            csv: string;
            /** @default false */
            dry_run?: boolean;
            /** @enum {string} */
            entity: "companies" | "contacts" | "products" | "opportunities";
            key_column?: string;
            mapping?: {
              [key: string]: string;
            };
          };
        };
      };
      responses: {
        /** @description The import (a dry run is complete at once) */
        201: {
          content: {
            "application/json": components["schemas"]["Import"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/imports/{id}": {
    /**
     * An import's progress and row errors
     * @description Requires scope `companies:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The import */
        200: {
          content: {
            "application/json": components["schemas"]["Import"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/stripe": {
    /**
     * Stripe connection status: the connected account, or why it is not connected
     * @description Requires scope `integrations:read`.
     */
    get: {
      responses: {
        /** @description The connection */
        200: {
          content: {
            "application/json": components["schemas"]["StripeStatus"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Disconnect Stripe (deauthorizes Settle on the account; links and the payment log stay)
     * @description Requires scope `integrations:write`.
     */
    delete: {
      responses: {
        /** @description Disconnected */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/stripe/callback": {
    /**
     * Stripe's redirect after Connect (browser); lands on Settings → Integrations
     * @description Requires scope `integrations:write`.
     */
    get: {
      parameters: {
        query?: {
          code?: string;
          state?: string;
          error?: string;
        };
      };
      responses: {
        /** @description Back to /settings/integrations with ?stripe=connected or ?stripe=error */
        302: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/stripe/connect": {
    /**
     * Start connecting Stripe (returns Stripe's Connect authorize URL)
     * @description Requires scope `integrations:write`.
     */
    post: {
      responses: {
        /** @description Send the browser here */
        200: {
          content: {
            "application/json": {
              authorize_url: string;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/xero": {
    /**
     * Xero connection status, defaults, and organisations waiting to be chosen
     * @description Requires scope `integrations:read`.
     */
    get: {
      responses: {
        /** @description Connected organisation, if any */
        200: {
          content: {
            "application/json": components["schemas"]["XeroStatus"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Disconnect Xero (revokes Settle's access; native invoicing comes back)
     * @description Requires scope `integrations:write`.
     */
    delete: {
      responses: {
        /** @description Now disconnected */
        200: {
          content: {
            "application/json": components["schemas"]["XeroStatus"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Set the defaults for new Xero invoices (revenue account, branding theme, tax rate mapping)
     * @description Requires scope `integrations:write`.
     */
    patch: {
      requestBody: {
        content: {
          "application/json": {
            branding_theme_id?: string | null;
            default_account_code?: string | null;
            sync_interval_minutes?: number;
            tax_mappings?: {
              tax_rate: string;
              tax_type: string;
            }[];
          };
        };
      };
      responses: {
        /** @description The connection with its new defaults */
        200: {
          content: {
            "application/json": components["schemas"]["XeroStatus"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/xero/accounts": {
    /**
     * The connected organisation's accounts, read live from Xero
     * @description Requires scope `invoices:read`.
     */
    get: {
      responses: {
        /** @description The accounts */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["XeroOption"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/xero/bank-accounts": {
    /**
     * The connected organisation's bank accounts, read live from Xero
     * @description Requires scope `invoices:read`.
     */
    get: {
      responses: {
        /** @description The bank accounts */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["XeroOption"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/xero/branding-themes": {
    /**
     * The connected organisation's branding themes, read live from Xero
     * @description Requires scope `invoices:read`.
     */
    get: {
      responses: {
        /** @description The branding themes */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["XeroOption"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/xero/callback": {
    /**
     * Xero's redirect after consent (browser); lands on Settings → Integrations
     * @description Requires scope `integrations:write`.
     */
    get: {
      parameters: {
        query?: {
          code?: string;
          state?: string;
          error?: string;
        };
      };
      responses: {
        /** @description Back to /settings/integrations with ?xero=connected, ?xero=choose or ?xero=error */
        302: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/xero/connect": {
    /**
     * Start connecting Xero (returns the consent URL)
     * @description Requires scope `integrations:write`.
     */
    post: {
      responses: {
        /** @description Send the browser here */
        200: {
          content: {
            "application/json": {
              authorize_url: string;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/xero/contacts": {
    /**
     * Search the connected organisation's Xero contacts
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        query?: {
          q?: string;
        };
      };
      responses: {
        /** @description Up to 50 matches */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["XeroContact"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/xero/log": {
    /**
     * The integration log: every Xero call of the last 30 days, newest first
     * @description Requires scope `integrations:read`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
          /** @description Only calls with this outcome */
          outcome?: "in_flight" | "ok" | "failed" | "rate_limited";
          /** @description Only calls about this Settle record */
          record_id?: string;
        };
      };
      responses: {
        /** @description A page of Xero calls */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["XeroLogEntry"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/xero/sync": {
    /**
     * Progress of the workspace's Xero sync (processed of total invoices) and its schedule
     * @description Requires scope `integrations:read`.
     */
    get: {
      responses: {
        /** @description The sync's state */
        200: {
          content: {
            "application/json": components["schemas"]["XeroSync"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Sync Invoices: queue a sync of every linked contact's Xero invoices (one at a time)
     * @description Requires scope `invoices:write`.
     */
    post: {
      responses: {
        /** @description Queued (or already queued or running) */
        202: {
          content: {
            "application/json": components["schemas"]["XeroSync"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/xero/tax-rates": {
    /**
     * The connected organisation's tax rates, read live from Xero
     * @description Requires scope `invoices:read`.
     */
    get: {
      responses: {
        /** @description The tax rates */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["XeroOption"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/integrations/xero/tenant": {
    /**
     * Choose the organisation when the consent covered several
     * @description Requires scope `integrations:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            tenant_id: string;
          };
        };
      };
      responses: {
        /** @description Now connected to that organisation */
        200: {
          content: {
            "application/json": components["schemas"]["XeroStatus"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/invites/accept": {
    /** Accept an invite: a new account sets its password, an existing one signs in with its own */
    post: {
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            password: string;
            token: string;
          };
        };
      };
      responses: {
        /** @description The membership is active; sign in to use it */
        200: {
          content: {
            "application/json": {
              email: string;
              workspace_id: string;
              workspace_name: string;
            };
          };
        };
      };
    };
  };
  "/api/v1/invoices/{id}": {
    /**
     * Get an invoice
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The invoice */
        200: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Edit status, due date, reference or portion label
     * @description Requires scope `invoices:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: date */
            due_date?: string | null;
            /** @enum {string} */
            portion?: "full" | "deposit" | "balance" | "ongoing";
            reference?: string | null;
            /** @enum {string} */
            status?: "DRAFT" | "SUBMITTED" | "AUTHORISED" | "DELETED";
          };
        };
      };
      responses: {
        /** @description The invoice */
        200: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/invoices/{id}/approve": {
    /**
     * Approve (→ AUTHORISED; in Xero first for Xero invoices); lines move up
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The invoice */
        200: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/invoices/{id}/payment-link": {
    /**
     * Create a Stripe payment link (Pay now) for a native invoice: one-time for the amount due, or a subscription charging the total every day, week, month or year
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @enum {string} */
            interval?: "day" | "week" | "month" | "year";
            /**
             * @default one_time
             * @enum {string}
             */
            mode?: "one_time" | "subscription";
          };
        };
      };
      responses: {
        /** @description The invoice with its payment_link */
        201: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/invoices/{id}/payment-sync": {
    /**
     * Sync payment status: pull what Stripe knows about the invoice's payments (same path as webhooks)
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The invoice after the sync */
        200: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/invoices/{id}/payments": {
    /**
     * Record a payment: native invoices by hand ({amount, paid_on, method}); Xero invoices in Xero ({paid_on, bank_account_id, amount?}, the amount due by default)
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            amount?: number;
            bank_account_id?: string;
            /** @enum {string} */
            method?: "bank_transfer" | "cash" | "card" | "cheque" | "other";
            /** Format: date */
            paid_on: string;
            reference?: string;
          };
        };
      };
      responses: {
        /** @description The invoice after the payment */
        200: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/invoices/{id}/pdf": {
    /**
     * The invoice as a PDF (branding, lines, totals, Pay now link), as a download
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description application/pdf, Content-Disposition: attachment; filename="<number>.pdf" */
        200: {
          content: {
            "application/pdf": string;
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/invoices/{id}/send": {
    /**
     * Send Invoice: Settle emails a native invoice (approving a draft) to contact_ids or the primary contact; Xero emails a Xero invoice
     * @description Native invoices: one email per recipient with the PDF, the amount due, Pay now (with an active payment link) and a client portal link, queued with the approval. The same send repeated within 10 seconds (or with the same Idempotency-Key) sends once; a later send is a resend. Delivery results: GET /mail?related_id=<invoice id>.
     *
     * Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": {
            /** @description Native invoices: who receives it (contacts with an email). Default: the opportunity's primary contact. */
            contact_ids?: string[];
          };
        };
      };
      responses: {
        /** @description The invoice, marked sent */
        200: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/invoices/{id}/void": {
    /**
     * Void an unpaid invoice (in Xero first for Xero invoices; lines keep their status)
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The invoice */
        200: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/invoicing/provider": {
    /**
     * Whether invoices are raised in Xero or natively, with Xero's defaults (no integrations:read needed)
     * @description Requires scope `invoices:read`.
     */
    get: {
      responses: {
        /** @description How this workspace invoices */
        200: {
          content: {
            "application/json": components["schemas"]["InvoicingProvider"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/jobs": {
    /**
     * List background jobs (filter status=dead to find failures)
     * @description Requires scope `settings:write`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
          status?: "queued" | "running" | "succeeded" | "dead";
        };
      };
      responses: {
        /** @description A page of jobs, newest first */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Job"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/jobs/{id}/retry": {
    /**
     * Queue a dead job again
     * @description Requires scope `settings:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The job, queued */
        200: {
          content: {
            "application/json": components["schemas"]["Job"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/mail": {
    /**
     * The mail log, newest first: recipients, subject, state (queued, sent, failed) and the server's reply
     * @description Invoice mail needs invoices:read; the whole log (invitations too) needs settings:write as well as invoices:read.
     *
     * Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
          /** @description Only mail about this record (an invoice or member id) */
          related_id?: string;
          /** @description Only mail in this state */
          state?: "queued" | "sent" | "failed";
        };
      };
      responses: {
        /** @description A page of messages */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["MailMessage"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/mail/{id}": {
    /**
     * One message with its rendered HTML and plain text
     * @description Invoice mail needs invoices:read; the whole log (invitations too) needs settings:write as well as invoices:read.
     *
     * Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The message */
        200: {
          content: {
            "application/json": components["schemas"]["MailMessageDetail"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/me": {
    /** Who am I: workspace, scopes and the CSRF token */
    get: {
      responses: {
        /** @description The caller */
        200: {
          content: {
            "application/json": {
              /** @enum {string} */
              actor: "member" | "api_key" | "system";
              csrf_token: string | null;
              scopes: string[];
              user_id: string | null;
              workspace_id: string;
              /** @description For a signed-in person, every workspace they can switch to */
              workspaces: {
                id: string;
                name: string;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/v1/members": {
    /**
     * List members
     * @description Requires scope `members:read`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
        };
      };
      responses: {
        /** @description A page of members */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Member"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Invite a member by email (new or existing account; they accept with the link)
     * @description Requires scope `members:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            email: string;
            /** @description How long the link works: 1–30 days, default 7 */
            expires_in_days?: number;
            name?: string;
            role_id: string;
          };
        };
      };
      responses: {
        /** @description The invited member */
        201: {
          content: {
            "application/json": components["schemas"]["InvitedMember"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/members/{id}": {
    /**
     * Remove a member (revokes their API keys)
     * @description Requires scope `members:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Removed */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Change a member's role
     * @description Requires scope `members:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            role_id: string;
          };
        };
      };
      responses: {
        /** @description The member */
        200: {
          content: {
            "application/json": components["schemas"]["Member"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/members/{id}/invite": {
    /**
     * Send a pending invite again with a new link (the old link stops working)
     * @description Requires scope `members:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description How long the link works: 1–30 days, default 7 */
            expires_in_days?: number;
          };
        };
      };
      responses: {
        /** @description The invited member with the new link */
        200: {
          content: {
            "application/json": components["schemas"]["InvitedMember"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/meta": {
    /** What this server offers */
    get: {
      responses: {
        /** @description Server features */
        200: {
          content: {
            "application/json": components["schemas"]["Meta"];
          };
        };
      };
    };
  };
  "/api/v1/oauth/consent": {
    /** What an OAuth client asks for, for the consent screen */
    get: {
      parameters: {
        query: {
          client_id: string;
          redirect_uri: string;
          code_challenge: string;
          code_challenge_method: string;
          scope?: string;
          state?: string;
        };
      };
      responses: {
        /** @description The client and the scopes to show */
        200: {
          content: {
            "application/json": components["schemas"]["OAuthConsent"];
          };
        };
      };
    };
    /** Approve (with the ticked scopes) or deny an OAuth client */
    post: {
      requestBody: {
        content: {
          "application/json": {
            /** @description false denies: the client gets error=access_denied */
            approve: boolean;
            client_id: string;
            code_challenge: string;
            code_challenge_method: string;
            redirect_uri: string;
            scope?: string;
            /**
             * @description The scopes left ticked
             * @default []
             */
            scopes?: string[];
            state?: string;
          };
        };
      };
      responses: {
        /** @description Where to send the browser next */
        200: {
          content: {
            "application/json": {
              redirect_to: string;
            };
          };
        };
      };
    };
  };
  "/api/v1/oauth/grants": {
    /** The signed-in member's connected apps */
    get: {
      responses: {
        /** @description Active grants, newest first */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["ConnectedApp"][];
            };
          };
        };
      };
    };
  };
  "/api/v1/oauth/grants/{id}": {
    /** Revoke a connected app: its tokens stop working at once */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Revoked */
        204: {
          content: never;
        };
      };
    };
  };
  "/api/v1/opportunities": {
    /**
     * List opportunities, newest first; filter by q (name), status, stage, company_id
     * @description With `expand=products` each item carries its lines (payment_status only with invoices:read).
     *
     * Requires scope `opportunities:read`.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          q?: string;
          status?: "open" | "won" | "lost";
          stage?: string;
          stage_id?: string;
          company_id?: string;
          payment_status?: "unpaid" | "deposit_invoiced" | "invoiced" | "paid";
          min_amount_due?: number | null;
          expand?: "products";
        };
      };
      responses: {
        /** @description A page of opportunities */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Opportunity"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Create an opportunity
     * @description Stage is free text; the default pipeline is lead, qualified, proposal, negotiation, won, lost. company_id, primary_contact_id and owner_id from outside the workspace are 404.
     *
     * Requires scope `opportunities:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            company_id: string;
            currency: string;
            name: string;
            owner_id?: string | null;
            primary_contact_id?: string | null;
            stage?: string;
            stage_id?: string;
            /** @enum {string} */
            status?: "open" | "won" | "lost";
          };
        };
      };
      responses: {
        /** @description The opportunity */
        201: {
          content: {
            "application/json": components["schemas"]["Opportunity"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities.csv": {
    /**
     * Opportunities as CSV, one row per line (streamed; payment_status only with invoices:read)
     * @description Requires scope `opportunities:read`.
     */
    get: {
      parameters: {
        query?: {
          q?: string;
        };
      };
      responses: {
        /** @description text/csv */
        200: {
          content: {
            "text/csv": string;
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}": {
    /**
     * Get an opportunity
     * @description With `expand=products` each item carries its lines (payment_status only with invoices:read).
     *
     * Requires scope `opportunities:read`.
     */
    get: {
      parameters: {
        query?: {
          expand?: "products";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The opportunity */
        200: {
          content: {
            "application/json": components["schemas"]["Opportunity"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Delete an opportunity and its lines
     * @description Requires scope `opportunities:delete`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Deleted */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Update an opportunity
     * @description Stage is free text; the default pipeline is lead, qualified, proposal, negotiation, won, lost. The currency cannot change while it has lines (409).
     *
     * Requires scope `opportunities:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            company_id?: string;
            currency?: string;
            name?: string;
            owner_id?: string | null;
            primary_contact_id?: string | null;
            stage?: string;
            stage_id?: string;
            /** @enum {string} */
            status?: "open" | "won" | "lost";
          };
        };
      };
      responses: {
        /** @description The opportunity */
        200: {
          content: {
            "application/json": components["schemas"]["Opportunity"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/invoice-summary": {
    /**
     * Invoiced and paid totals
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Totals in the opportunity's currency */
        200: {
          content: {
            "application/json": components["schemas"]["InvoiceSummary"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/invoices": {
    /**
     * List the opportunity's invoices
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description All invoices, oldest first */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Invoice"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Raise a native DRAFT invoice
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @default false */
            confirm_double_billing?: boolean;
            /** Format: date */
            due_date?: string;
            free_lines?: {
              description: string;
              /** @default 1 */
              quantity?: number | string;
              /** @default 0 */
              tax_rate?: number | string;
              unit_amount: number;
            }[];
            /** Format: date */
            issue_date?: string;
            line_ids?: string[];
            notes?: string;
            /** @enum {string} */
            portion: "full" | "deposit" | "balance" | "ongoing";
            reference?: string;
          };
        };
      };
      responses: {
        /** @description The draft invoice */
        201: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/invoices/preview": {
    /**
     * Preview an invoice (no write)
     * @description Requires scope `invoices:read`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            free_lines?: {
              description: string;
              /** @default 1 */
              quantity?: number | string;
              /** @default 0 */
              tax_rate?: number | string;
              unit_amount: number;
            }[];
            line_ids?: string[];
            /** @enum {string} */
            portion: "full" | "deposit" | "balance" | "ongoing";
          };
        };
      };
      responses: {
        /** @description Lines, amounts and warnings */
        200: {
          content: {
            "application/json": components["schemas"]["InvoicePreview"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/payer-companies": {
    /**
     * The opportunity's payer companies
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Payer companies */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["PayerCompany"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/payer-companies/{company_id}": {
    /**
     * Add a payer company to the opportunity
     * @description Requires scope `invoices:write`.
     */
    put: {
      parameters: {
        path: {
          id: string;
          company_id: string;
        };
      };
      responses: {
        /** @description Payer companies */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["PayerCompany"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Remove a payer company from the opportunity
     * @description Requires scope `invoices:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
          company_id: string;
        };
      };
      responses: {
        /** @description Payer companies */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["PayerCompany"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/products": {
    /**
     * List an opportunity's product lines in sort_order
     * @description `payment_status` appears on lines only with invoices:read (the key is absent otherwise). Setting it needs invoices:write: without it the request is 403 and nothing changes.
     *
     * Requires scope `opportunities:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Every line (one page) */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["ProductLine"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Add a product line
     * @description unit_amount, tax_rate default to the product's (unit_amount is required when the product's currency differs). `payment_status` appears on lines only with invoices:read (the key is absent otherwise). Setting it needs invoices:write: without it the request is 403 and nothing changes.
     *
     * Requires scope `opportunities:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            deposit_percent?: number | string | null;
            discount_percent?: number | string;
            /** @enum {string} */
            payment_status?: "unpaid" | "deposit_invoiced" | "invoiced" | "paid";
            product_id: string;
            quantity?: number | string;
            sort_order?: number;
            tax_rate?: number | string;
            unit_amount?: number;
          };
        };
      };
      responses: {
        /** @description The line */
        201: {
          content: {
            "application/json": components["schemas"]["ProductLine"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/products/{lineId}": {
    /**
     * Get a product line
     * @description `payment_status` appears on lines only with invoices:read (the key is absent otherwise). Setting it needs invoices:write: without it the request is 403 and nothing changes.
     *
     * Requires scope `opportunities:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
          lineId: string;
        };
      };
      responses: {
        /** @description The line */
        200: {
          content: {
            "application/json": components["schemas"]["ProductLine"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Remove a product line (its payment status history is kept)
     * @description Requires scope `opportunities:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
          lineId: string;
        };
      };
      responses: {
        /** @description Removed */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Edit a product line (quantity, price, discount, deposit, tax, order, payment status)
     * @description A manual payment_status sets exactly the value given, up or down, and is recorded in the history. `payment_status` appears on lines only with invoices:read (the key is absent otherwise). Setting it needs invoices:write: without it the request is 403 and nothing changes.
     *
     * Requires scope `opportunities:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
          lineId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            deposit_percent?: number | string | null;
            discount_percent?: number | string;
            /** @enum {string} */
            payment_status?: "unpaid" | "deposit_invoiced" | "invoiced" | "paid";
            quantity?: number | string;
            sort_order?: number;
            tax_rate?: number | string;
            unit_amount?: number;
          };
        };
      };
      responses: {
        /** @description The line */
        200: {
          content: {
            "application/json": components["schemas"]["ProductLine"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/products/{lineId}/payment-status-history": {
    /**
     * A line's payment status changes, oldest first
     * @description Also needs opportunities:read.
     *
     * Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 50 */
          limit?: number;
          /** @description next_cursor from the previous page */
          cursor?: string;
        };
        path: {
          id: string;
          lineId: string;
        };
      };
      responses: {
        /** @description A page of changes */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["PaymentStatusChange"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/products/reorder": {
    /**
     * Reorder the lines: line_ids lists every line once, in the new order
     * @description Requires scope `opportunities:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            line_ids: string[];
          };
        };
      };
      responses: {
        /** @description The lines in their new order */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["ProductLine"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/xero-invoices": {
    /**
     * Raise the invoice in Xero (draft or approved) and record it
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            account_code?: string;
            branding_theme_id?: string;
            /** @default false */
            confirm_double_billing?: boolean;
            /** Format: date */
            due_date: string;
            /**
             * @default none
             * @enum {string}
             */
            email?: "none" | "xero";
            free_lines?: {
              description: string;
              /** @default 1 */
              quantity?: number | string;
              /** @default 0 */
              tax_rate?: number | string;
              unit_amount: number;
            }[];
            line_ids?: string[];
            line_settings?: {
              account_code?: string;
              line_id: string;
              tax_type?: string;
            }[];
            /** @enum {string} */
            portion: "full" | "deposit" | "balance" | "ongoing";
            reference?: string;
            /** @enum {string} */
            status: "DRAFT" | "AUTHORISED";
            tax_type?: string;
          };
        };
      };
      responses: {
        /** @description The invoice as Xero numbered and totalled it */
        201: {
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/xero-invoices/sync": {
    /**
     * Queue a sync of the opportunity's Xero invoices
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description false when a sync was already waiting */
        202: {
          content: {
            "application/json": {
              queued: boolean;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/xero-raised-invoices": {
    /**
     * Invoices raised in Xero for the client and payer companies (they never move line statuses)
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Invoices raised in Xero */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["XeroRaisedInvoice"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/opportunities/{id}/xero-repeating-invoices": {
    /**
     * The opportunity's Xero repeating invoices
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Live schedules */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["XeroRepeatingInvoice"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Bill the ongoing lines with a Xero repeating invoice on a schedule
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            account_code?: string;
            /** @enum {string} */
            approval: "draft" | "approve" | "approve_for_sending";
            branding_theme_id?: string;
            line_ids?: string[];
            line_settings?: {
              account_code?: string;
              line_id: string;
              tax_type?: string;
            }[];
            reference?: string;
            schedule: {
              due: {
                day: number;
                /** @enum {string} */
                type: "days_after_invoice" | "day_of_following_month";
              };
              /** Format: date */
              end_date?: string;
              every: number;
              /** Format: date */
              start_date: string;
              /** @enum {string} */
              unit: "week" | "month";
            };
          };
        };
      };
      responses: {
        /** @description The repeating invoice as Xero created it */
        201: {
          content: {
            "application/json": components["schemas"]["XeroRepeatingInvoice"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/payments": {
    /**
     * The payment log: every Stripe payment, refund and subscription in the workspace, newest first
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          invoice_id?: string;
          opportunity_id?: string;
          type?: "payment" | "refund" | "subscription";
          status?:
            | "processing"
            | "succeeded"
            | "failed"
            | "refunded"
            | "pending"
            | "canceled"
            | "active"
            | "past_due"
            | "incomplete"
            | "unpaid";
          q?: string;
        };
      };
      responses: {
        /** @description One page */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Payment"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/payments.csv": {
    /**
     * The payment log as CSV (same filters as /payments; streamed)
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          invoice_id?: string;
          opportunity_id?: string;
          type?: "payment" | "refund" | "subscription";
          status?:
            | "processing"
            | "succeeded"
            | "failed"
            | "refunded"
            | "pending"
            | "canceled"
            | "active"
            | "past_due"
            | "incomplete"
            | "unpaid";
          q?: string;
        };
      };
      responses: {
        /** @description text/csv */
        200: {
          content: {
            "text/csv": string;
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/payments/{id}/event": {
    /**
     * A payment log row with the raw Stripe event that last reported on it
     * @description Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The payment and its event */
        200: {
          content: {
            "application/json": {
              /** @description Null when a sync reported it */
              event: {
                [key: string]: unknown;
              } | null;
              payment: components["schemas"]["Payment"];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/portal-links/{id}": {
    /**
     * Revoke a portal link; its open portal sessions end at once
     * @description Requires scope `invoices:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Revoked */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/products": {
    /**
     * List products, newest first; `q` searches the name, `is_active` filters
     * @description Requires scope `products:read`.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          q?: string;
          is_active?: "true" | "false";
        };
      };
      responses: {
        /** @description A page of products */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Product"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Create a catalogue product
     * @description Requires scope `products:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            /** @enum {string} */
            billing?: "one_off" | "recurring";
            currency: string;
            deposit_percent?: number | string | null;
            description?: string | null;
            is_active?: boolean;
            name: string;
            /** @enum {string|null} */
            recurring_interval?: "week" | "month" | "quarter" | "year" | null;
            sku?: string | null;
            tax_rate?: number | string;
            unit?: string;
            unit_amount: number;
            xero_account_code?: string | null;
          };
        };
      };
      responses: {
        /** @description The product */
        201: {
          content: {
            "application/json": components["schemas"]["Product"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/products.csv": {
    /**
     * The product catalogue as CSV (streamed)
     * @description Requires scope `products:read`.
     */
    get: {
      parameters: {
        query?: {
          q?: string;
        };
      };
      responses: {
        /** @description text/csv */
        200: {
          content: {
            "text/csv": string;
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/products/{id}": {
    /**
     * Get a catalogue product
     * @description Requires scope `products:read`.
     */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description The product */
        200: {
          content: {
            "application/json": components["schemas"]["Product"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Delete a product; one used on lines is archived instead (is_active false, archived_at set)
     * @description Requires scope `products:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Deleted */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Update a catalogue product
     * @description Requires scope `products:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @enum {string} */
            billing?: "one_off" | "recurring";
            currency?: string;
            deposit_percent?: number | string | null;
            description?: string | null;
            is_active?: boolean;
            name?: string;
            /** @enum {string|null} */
            recurring_interval?: "week" | "month" | "quarter" | "year" | null;
            sku?: string | null;
            tax_rate?: number | string;
            unit?: string;
            unit_amount?: number;
            xero_account_code?: string | null;
          };
        };
      };
      responses: {
        /** @description The product */
        200: {
          content: {
            "application/json": components["schemas"]["Product"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/reports/receivables": {
    /**
     * What the workspace is owed: outstanding and overdue per currency, ageing per company, pipeline by payment status, paid per month
     * @description From native and synced Xero invoices awaiting payment (AUTHORISED), in minor units. Ageing buckets count days past the due date on `as_of` (default today, UTC).
     *
     * Requires scope `invoices:read`.
     */
    get: {
      parameters: {
        query?: {
          as_of?: string;
        };
      };
      responses: {
        /** @description The receivables */
        200: {
          content: {
            "application/json": components["schemas"]["Receivables"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/roles": {
    /**
     * List roles with their scopes
     * @description Requires scope `members:read`.
     */
    get: {
      responses: {
        /** @description All roles (a workspace has few) */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Role"][];
              has_more: boolean;
              next_cursor: string | null;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Create a custom role
     * @description Requires scope `members:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            name: string;
            /** @default [] */
            scopes?: string[];
          };
        };
      };
      responses: {
        /** @description The role */
        201: {
          content: {
            "application/json": components["schemas"]["Role"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/roles/{id}": {
    /**
     * Delete a custom role nobody holds
     * @description Requires scope `members:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Deleted */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Rename a role or replace its scopes
     * @description Requires scope `members:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            scopes?: string[];
          };
        };
      };
      responses: {
        /** @description The role */
        200: {
          content: {
            "application/json": components["schemas"]["Role"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/scopes": {
    /** List every scope, its aliases and the preset roles */
    get: {
      responses: {
        /** @description The catalogue */
        200: {
          content: {
            "application/json": {
              aliases: {
                [key: string]: string;
              };
              presets: {
                [key: string]: string[];
              };
              scopes: string[];
            };
          };
        };
      };
    };
  };
  "/api/v1/search": {
    /**
     * Search companies, contacts, opportunities (word prefixes) and invoice numbers from one box
     * @description Up to `limit` hits of each kind, companies first; contacts, opportunities and invoices appear only with contacts:read, opportunities:read and invoices:read. Archived companies are left out.
     *
     * Requires scope `companies:read`.
     */
    get: {
      parameters: {
        query: {
          q: string;
          limit?: number;
        };
      };
      responses: {
        /** @description The hits */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["SearchHit"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/session": {
    /** Sign in with email and password */
    post: {
      requestBody: {
        content: {
          "application/json": {
            email: string;
            password: string;
            /** @description Sign in to this workspace (default: the first by name) */
            workspace_id?: string;
          };
        };
      };
      responses: {
        /** @description Signed in; the session cookie is set */
        200: {
          content: {
            "application/json": {
              csrf_token: string;
              expires_at: string;
              /** @description The workspace this session acts in */
              workspace_id: string;
              /** @description Every workspace the person belongs to */
              workspaces: {
                id: string;
                name: string;
              }[];
            };
          };
        };
      };
    };
    /** Sign out */
    delete: {
      responses: {
        /** @description Signed out */
        204: {
          content: never;
        };
      };
    };
  };
  "/api/v1/session/workspace": {
    /** Switch the signed-in session to another of the person's workspaces */
    post: {
      requestBody: {
        content: {
          "application/json": {
            workspace_id: string;
          };
        };
      };
      responses: {
        /** @description The session now acts in that workspace */
        200: {
          content: {
            "application/json": {
              workspace_id: string;
            };
          };
        };
      };
    };
  };
  "/api/v1/settings/invoicing": {
    /**
     * Invoice numbering, tax mode and default deposit %
     * @description Requires scope `invoices:read`.
     */
    get: {
      responses: {
        /** @description The settings */
        200: {
          content: {
            "application/json": components["schemas"]["InvoiceSettings"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Change invoicing settings
     * @description Requires scope `settings:write`.
     */
    patch: {
      requestBody: {
        content: {
          "application/json": {
            default_deposit_percent?: number | string;
            number_prefix?: string;
            /** @enum {string} */
            tax_mode?: "exclusive" | "inclusive";
          };
        };
      };
      responses: {
        /** @description The settings */
        200: {
          content: {
            "application/json": components["schemas"]["InvoiceSettings"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/stages": {
    /**
     * The workspace's pipeline stages in board order
     * @description Requires scope `opportunities:read`.
     */
    get: {
      responses: {
        /** @description The stages */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Stage"][];
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Add a stage (last unless `position` is given; the others shift)
     * @description Requires scope `settings:write`.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            /** @enum {string} */
            kind?: "open" | "won" | "lost";
            name: string;
            position?: number;
          };
        };
      };
      responses: {
        /** @description The stage */
        201: {
          content: {
            "application/json": components["schemas"]["Stage"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/stages/{id}": {
    /**
     * Delete a stage; one still holding opportunities is 409 unless `move_to` names their new stage
     * @description Requires scope `settings:write`.
     */
    delete: {
      parameters: {
        query?: {
          move_to?: string;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Deleted */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /**
     * Rename, change the kind or move a stage (positions stay 0..n-1)
     * @description A rename also renames the `stage` text of its opportunities.
     *
     * Requires scope `settings:write`.
     */
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @enum {string} */
            kind?: "open" | "won" | "lost";
            name?: string;
            position?: number;
          };
        };
      };
      responses: {
        /** @description The stage */
        200: {
          content: {
            "application/json": components["schemas"]["Stage"];
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/xero-raised-invoices/{xero_invoice_id}/pin": {
    /**
     * Pin an invoice raised in Xero to one opportunity (null unpins)
     * @description Requires scope `invoices:write`.
     */
    post: {
      parameters: {
        path: {
          xero_invoice_id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            opportunity_id: string | null;
          };
        };
      };
      responses: {
        /** @description Pinned */
        200: {
          content: {
            "application/json": {
              pinned_opportunity_id: string | null;
              xero_invoice_id: string;
            };
          };
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/xero-repeating-invoices/{id}": {
    /**
     * Delete a Xero repeating invoice (the invoices it raised stay)
     * @description Requires scope `invoices:write`.
     */
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Deleted in Xero and here */
        204: {
          content: never;
        };
        /** @description Invalid input; `issues` names each field and, for enums, the allowed values. */
        400: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No or invalid credentials. */
        401: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description `insufficient_scope`: the key or role lacks the scope named in the error. */
        403: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not found (also for another workspace's records). */
        404: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict with the current state. */
        409: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Rate limited; see Retry-After. */
        429: {
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
}

export type webhooks = Record<string, never>;

export interface components {
  schemas: {
    /** @description Amounts still due by days past the due date, minor units */
    Ageing: {
      current: number;
      days_1_30: number;
      days_31_60: number;
      days_61_90: number;
      days_90_plus: number;
    };
    ApiKey: {
      created_at: string;
      id: string;
      key_prefix: string;
      last_used_at: string | null;
      name: string;
      revoked_at: string | null;
      scopes: string[];
    };
    AuditEvent: {
      action: string;
      actor: {
        api_key_id: string | null;
        /** @enum {string} */
        kind: "member" | "api_key" | "system" | "anonymous";
        /** @description The person's email, or the API key's name */
        label: string;
        user_id: string | null;
      };
      created_at: string;
      details: {
        [key: string]: unknown;
      };
      id: string;
      ip: string | null;
      request_id: string | null;
      target_id: string | null;
      target_type: string | null;
    };
    Automation: {
      actions: components["schemas"]["AutomationAction"][];
      conditions: {
        all?: {
          /** @enum {string} */
          field:
            | "amount"
            | "currency"
            | "portion"
            | "provider"
            | "source"
            | "company"
            | "opportunity_stage"
            | "opportunity_status"
            | "from"
            | "to";
          /** @enum {string} */
          op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in";
          value?: unknown;
        }[];
        any?: {
          /** @enum {string} */
          field:
            | "amount"
            | "currency"
            | "portion"
            | "provider"
            | "source"
            | "company"
            | "opportunity_stage"
            | "opportunity_status"
            | "from"
            | "to";
          /** @enum {string} */
          op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in";
          value?: unknown;
        }[];
      } | null;
      created_at: string;
      enabled: boolean;
      id: string;
      name: string;
      owner_key_id: string | null;
      owner_user_id: string | null;
      trigger: {
        /** @enum {string} */
        type:
          | "payment_succeeded"
          | "payment_failed"
          | "payment_refunded"
          | "invoice_paid"
          | "invoice_sent"
          | "payment_status_changed"
          | "opportunity_stage_changed";
      };
      updated_at: string;
    };
    AutomationAction: {
      continue_on_failure?: boolean;
      id: string;
      /** @description call_webhook only, in the answer that created the action: the signing secret (whsec_…), shown once */
      secret?: string;
      /** @enum {string} */
      type: "send_email" | "call_webhook" | "set_stage" | "set_status" | "add_note";
      [key: string]: unknown;
    };
    AutomationRun: {
      actions: components["schemas"]["AutomationRunAction"][];
      automation_id: string;
      created_at: string;
      depth: number;
      event_id: string;
      event_type: string | null;
      finished_at: string | null;
      id: string;
      note: string | null;
      replay: number;
      /** @enum {string} */
      status: "running" | "succeeded" | "failed";
    };
    AutomationRunAction: {
      action_id: string;
      attempts: number;
      error: string | null;
      id: string;
      next_retry_at: string | null;
      position: number;
      response_excerpt: string | null;
      response_status: number | null;
      result: {
        [key: string]: unknown;
      } | null;
      /** @enum {string} */
      status: "pending" | "running" | "succeeded" | "failed" | "dead" | "skipped";
      type: string;
      updated_at: string;
    };
    AutomationTestRun: {
      actions: {
        details: {
          [key: string]: unknown;
        };
        type: string;
        would: string;
      }[];
      conditions_match: boolean;
      event_id: string;
      event_type: string;
      trigger_matches: boolean;
      would_run: boolean;
    };
    Branding: {
      /**
       * @description #rrggbb
       * @example #2f6fed
       */
      accent_color: string;
      address: string | null;
      /** @description Printed instead of the workspace's name when set; null: the workspace's name */
      display_name: string | null;
      /** @description null when no logo is set */
      logo: {
        /** @enum {string} */
        mime_type: "image/png" | "image/jpeg";
        size_bytes: number;
        /** @description GET it with the same credentials (invoices:read) */
        url: string;
      } | null;
      /** @description The name invoices print (display_name, else the workspace's name) */
      name: string;
      payment_terms: string | null;
      /** @description Reply-To of invoice emails */
      reply_to: string | null;
      tax_number: string | null;
      updated_at: string | null;
    };
    BusinessEvent: {
      data: {
        [key: string]: unknown;
      };
      id: string;
      invoice_id: string | null;
      occurred_at: string;
      opportunity_id: string | null;
      /** @enum {string} */
      type:
        | "payment_succeeded"
        | "payment_failed"
        | "payment_refunded"
        | "invoice_paid"
        | "invoice_sent"
        | "payment_status_changed"
        | "opportunity_stage_changed";
    };
    Company: {
      archived_at: string | null;
      created_at: string;
      email: string | null;
      id: string;
      name: string;
      phone: string | null;
      updated_at: string;
      website: string | null;
      xero_contact_id: string | null;
    };
    CompanyInvoice: {
      amount_due_amount: number;
      amount_paid_amount: number;
      currency: string;
      due_date: string | null;
      id: string;
      issue_date: string;
      number: string;
      opportunity_id: string;
      /** @enum {string} */
      provider: "native" | "xero";
      status: string;
      total_amount: number;
    };
    CompanyOverview: {
      company: components["schemas"]["Company"];
      /** @description With contacts:read; primary first */
      contacts?: components["schemas"]["Contact"][];
      /** @description With invoices:read only */
      invoices?: components["schemas"]["CompanyInvoice"][];
      /** @description With opportunities:read */
      opportunities?: components["schemas"]["Opportunity"][];
      /** @description Other clients' opportunities this company pays bills for as a payer company; with invoices:read and opportunities:read */
      payer_for?: components["schemas"]["CompanyPayerRelation"][];
    };
    CompanyPayerRelation: {
      /** @description The opportunity's own company */
      client_id: string;
      client_name: string;
      currency: string;
      opportunity_id: string;
      opportunity_name: string;
      /** @enum {string} */
      status: "open" | "won" | "lost";
      total_amount: number;
    };
    ConnectedApp: {
      client_id: string;
      client_name: string;
      created_at: string;
      id: string;
      last_used_at: string | null;
      scopes: string[];
    };
    Contact: {
      company_id: string | null;
      created_at: string;
      email: string | null;
      id: string;
      /** @description The company's primary contact (at most one per company) */
      is_primary: boolean;
      name: string;
      phone: string | null;
      updated_at: string;
    };
    CreatedApiKey: components["schemas"]["ApiKey"] & {
      /** @description The secret, shown only in this response. */
      key: string;
    };
    CreatedPortalLink: {
      expires_at: string;
      id: string;
      /** @description `<PUBLIC_URL>/portal/<token>`; shown once */
      url: string;
    };
    CreatePortalLink: {
      /** @description 1–365 days; default 30 */
      expires_in_days?: number;
    };
    Error: {
      error: {
        code: string;
        fix?: string;
        issues?: {
          allowed?: string[];
          field: string;
          message: string;
        }[];
        message: string;
        request_id: string;
      };
    };
    Import: {
      created_at: string;
      /** @description Records created (in a dry run: would be created) */
      created_rows: number;
      dry_run: boolean;
      /** @enum {string} */
      entity: "companies" | "contacts" | "products" | "opportunities";
      /** @description Each rejected row's problems; row counts the header as row 1 */
      errors: {
        field: string;
        message: string;
        row: number;
      }[];
      id: string;
      key_column: string | null;
      processed_rows: number;
      /**
       * @description validated: a dry run (nothing written); queued → running → completed for an import
       * @enum {string}
       */
      status: "validated" | "queued" | "running" | "completed" | "failed";
      total_rows: number;
      updated_at: string;
      /** @description Records updated by the key column */
      updated_rows: number;
    };
    InvitedMember: components["schemas"]["Member"] & {
      /** @description Share this link; shown once. */
      invite_url: string | null;
    };
    Invoice: {
      /** @description What may be done to the invoice in its current status (one lifecycle for every surface) */
      allowed_actions: (
        | "edit"
        | "approve"
        | "send"
        | "record_payment"
        | "void"
        | "delete"
        | "sync"
        | "create_payment_link"
        | "sync_payments"
      )[];
      /** @description Present only when the caller holds invoices:read. */
      amount_due_amount?: number;
      /** @description Present only when the caller holds invoices:read. */
      amount_paid_amount?: number;
      created_at: string;
      currency: string;
      due_date: string | null;
      id: string;
      issue_date: string;
      lines: {
        /** @description Present only when the caller holds invoices:read. */
        amount?: number;
        description: string;
        id: string;
        product_line_id: string | null;
        quantity: string;
        /** @description Present only when the caller holds invoices:read. */
        tax_amount?: number;
        tax_rate: string;
        /** @description Present only when the caller holds invoices:read. */
        unit_amount?: number;
      }[];
      notes: string | null;
      number: string;
      opportunity_id: string;
      paid_at: string | null;
      /** @description The Stripe payment link (Pay now) made for the invoice; null when none */
      payment_link: {
        active: boolean;
        id: string;
        /** @enum {string|null} */
        interval: "day" | "week" | "month" | "year" | null;
        /** @description The latest Stripe payment's status: processing while a bank debit settles */
        last_payment_status: string | null;
        /** @enum {string} */
        mode: "one_time" | "subscription";
        /** @description Stripe's id of the link (plink_…) */
        stripe_id: string;
        url: string;
      } | null;
      /** @enum {string} */
      portion: "full" | "deposit" | "balance" | "ongoing";
      /** @description Present only when the caller holds invoices:read. */
      preview_total_amount?: number | null;
      /** @enum {string} */
      provider: "native" | "xero";
      reference: string | null;
      sent_at: string | null;
      /** @enum {string} */
      status: "DRAFT" | "SUBMITTED" | "AUTHORISED" | "PAID" | "VOIDED" | "DELETED";
      /** @description Present only when the caller holds invoices:read. */
      subtotal_amount?: number;
      /** @description Present only when the caller holds invoices:read. */
      tax_amount?: number;
      /** @enum {string} */
      tax_mode: "exclusive" | "inclusive";
      /** @description Present only when the caller holds invoices:read. */
      total_amount?: number;
      /** @description Xero's InvoiceID; null for native invoices and while Xero is still creating it */
      xero_invoice_id: string | null;
      /** @description The Xero organisation the invoice lives in; null for native */
      xero_tenant_id: string | null;
    };
    InvoicePreview: {
      currency: string;
      lines: {
        /** @description Net of tax, minor units */
        amount: number;
        description: string;
        product_line_id: string | null;
        quantity: string;
        tax_amount: number;
        tax_rate: string;
        unit_amount: number;
        /** @enum {string} */
        warning?: "double_billing" | "deposits_exceed_total" | "nothing_left_to_bill";
      }[];
      /** @enum {string} */
      portion: "full" | "deposit" | "balance" | "ongoing";
      subtotal_amount: number;
      tax_amount: number;
      /** @enum {string} */
      tax_mode: "exclusive" | "inclusive";
      total_amount: number;
    };
    InvoiceSettings: {
      default_deposit_percent: number;
      next_number: number;
      number_prefix: string;
      /** @enum {string} */
      tax_mode: "exclusive" | "inclusive";
    };
    InvoiceSummary: {
      currency: string;
      invoiced_amount: number;
      outstanding_amount: number;
      paid_amount: number;
      updated_at: string | null;
    };
    InvoicingProvider: {
      /**
       * @description xero while an organisation is connected
       * @enum {string}
       */
      provider: "xero" | "native";
      /** @description A Stripe account is connected: native invoices can get payment links */
      stripe_connected: boolean;
      /** @description The organisation and the defaults new Xero invoices start from; null when native */
      xero: {
        branding_theme_id: string | null;
        default_account_code: string | null;
        /** @enum {string|null} */
        status: "active" | "needs_reconnect" | null;
        status_reason: string | null;
        tax_mappings: {
          tax_rate: string;
          tax_type: string;
        }[];
        tenant_name: string | null;
      } | null;
      /** @description Xero accepts Settle's connection (false: reconnect) */
      xero_connected: boolean;
    };
    Job: {
      attempts: number;
      created_at: string;
      finished_at: string | null;
      id: string;
      last_error: string | null;
      max_attempts: number;
      name: string;
      run_at: string;
      /** @enum {string} */
      status: "queued" | "running" | "succeeded" | "dead";
    };
    MailMessage: {
      attachments: {
        filename: string;
        kind: string;
      }[];
      attempts: number;
      created_at: string;
      from: string;
      id: string;
      related_id: string | null;
      related_type: string | null;
      sent_at: string | null;
      /** @description The server's last reply, e.g. 550 5.1.1 … */
      smtp_response: string | null;
      /** @enum {string} */
      state: "queued" | "sent" | "failed";
      subject: string;
      to: {
        email: string;
        name: string | null;
      }[];
      /**
       * @description smtp: handed to SMTP_URL's server; outbox: kept in the app (no SMTP_URL). Null until delivered.
       * @enum {string|null}
       */
      transport: "smtp" | "outbox" | null;
      updated_at: string;
    };
    MailMessageDetail: components["schemas"]["MailMessage"] & {
      html: string;
      /** @description The HTML with the inline logo as a data: URI, for showing in a sandboxed frame. */
      preview_html: string;
      reply_to: string | null;
      text: string;
    };
    Member: {
      created_at: string;
      email: string;
      id: string;
      /** @description When a pending invite link stops working */
      invite_expires_at: string | null;
      name: string;
      role_id: string;
      role_name: string;
      /** @enum {string} */
      status: "active" | "invited";
      user_id: string;
    };
    Meta: {
      /** @description Whether the local vendor sandboxes (the Xero sandbox at /sandbox/xero) are mounted. */
      sandboxes: boolean;
    };
    OAuthConsent: {
      client: {
        id: string;
        name: string;
      };
      /** @description Those the signed-in member holds and may grant */
      offered_scopes: string[];
      redirect_uri: string;
      /** @description What the client asked for */
      requested_scopes: string[];
    };
    Opportunity: {
      company_id: string;
      created_at: string;
      currency: string;
      id: string;
      line_count: number;
      name: string;
      owner_id: string | null;
      primary_contact_id: string | null;
      /** @description With `expand=products` only */
      products?: components["schemas"]["ProductLine"][];
      /** @description The stage's name (kept for clients of the free-text field) */
      stage: string;
      stage_id: string | null;
      /** @enum {string} */
      status: "open" | "won" | "lost";
      /** @description Sum of line totals, tax-exclusive */
      total_amount: number;
      updated_at: string;
    };
    PayerCompany: {
      id: string;
      name: string;
      xero_contact_id: string | null;
    };
    Payment: {
      /** @description Minor units of currency */
      amount: number;
      currency: string;
      id: string;
      invoice_id: string | null;
      occurred_at: string;
      opportunity_id: string | null;
      payer_email: string | null;
      payer_name: string | null;
      /** @enum {string} */
      status:
        | "processing"
        | "succeeded"
        | "failed"
        | "refunded"
        | "pending"
        | "canceled"
        | "active"
        | "past_due"
        | "incomplete"
        | "unpaid";
      stripe: {
        account_id: string | null;
        charge_id: string | null;
        checkout_session_id: string | null;
        /** @description The last event that reported on it */
        event_id: string | null;
        event_type: string | null;
        invoice_id: string | null;
        payment_intent_id: string | null;
        payment_link_id: string | null;
        refund_id: string | null;
        subscription_id: string | null;
      };
      /** @enum {string} */
      type: "payment" | "refund" | "subscription";
    };
    PaymentStatusChange: {
      actor: {
        id: string | null;
        /** @enum {string} */
        kind: "member" | "api_key" | "system";
      };
      created_at: string;
      /** @enum {string} */
      from: "unpaid" | "deposit_invoiced" | "invoiced" | "paid";
      id: string;
      invoice_id: string | null;
      line_id: string;
      /** @enum {string} */
      source: "manual" | "invoice_sent" | "xero_sync" | "stripe_payment" | "stripe_sync" | "automation";
      /** @enum {string} */
      to: "unpaid" | "deposit_invoiced" | "invoiced" | "paid";
    };
    PortalLink: {
      company_id: string;
      contact_id: string;
      created_at: string;
      expires_at: string;
      id: string;
      last_used_at: string | null;
      revoked_at: string | null;
      /** @enum {string} */
      state: "active" | "expired" | "revoked";
    };
    Product: {
      /** @description Set when a product used on lines was removed from the catalogue */
      archived_at: string | null;
      /** @enum {string} */
      billing: "one_off" | "recurring";
      created_at: string;
      currency: string;
      /** @description Default deposit %; null → workspace default */
      deposit_percent: number | null;
      description: string | null;
      id: string;
      is_active: boolean;
      name: string;
      /** @enum {string|null} */
      recurring_interval: "week" | "month" | "quarter" | "year" | null;
      sku: string | null;
      /** @description Default tax rate, percent */
      tax_rate: number;
      unit: string;
      /** @description Minor units of `currency` */
      unit_amount: number;
      updated_at: string;
      /** @description Xero revenue account code; null → default */
      xero_account_code: string | null;
    };
    ProductLine: {
      created_at: string;
      currency: string;
      /** @description line_total_amount × effective_deposit_percent, minor units */
      deposit_amount: number;
      /** @description Override; null → the product's default */
      deposit_percent: number | null;
      discount_percent: number;
      /** @description What a deposit invoice uses: override, else product, else workspace default */
      effective_deposit_percent: number;
      id: string;
      /** @description quantity × unit_amount × (1 − discount), tax-exclusive */
      line_total_amount: number;
      opportunity_id: string;
      /**
       * @description Present only when the caller holds invoices:read; the key is absent otherwise.
       * @enum {string}
       */
      payment_status?: "unpaid" | "deposit_invoiced" | "invoiced" | "paid";
      product_id: string;
      product_name: string;
      quantity: number;
      sort_order: number;
      tax_rate: number;
      unit_amount: number;
      updated_at: string;
    };
    Receivables: {
      /** @description The day the ageing is counted from */
      as_of: string;
      by_company: {
        ageing: components["schemas"]["Ageing"];
        company_id: string;
        company_name: string;
        currency: string;
        outstanding_amount: number;
        overdue_amount: number;
      }[];
      /** @description Per currency */
      data: {
        ageing: components["schemas"]["Ageing"];
        currency: string;
        outstanding_amount: number;
        overdue_amount: number;
      }[];
      /** @description The last 12 months (YYYY-MM), each currency seen */
      paid_by_month: {
        currency: string;
        month: string;
        paid_amount: number;
      }[];
      /** @description Line totals of open opportunities by payment status */
      pipeline_by_status: {
        currency: string;
        deposit_invoiced_amount: number;
        invoiced_amount: number;
        paid_amount: number;
        unpaid_amount: number;
      }[];
    };
    Role: {
      id: string;
      name: string;
      /** @enum {string|null} */
      preset: "admin" | "editor" | "viewer" | null;
      scopes: string[];
    };
    SearchHit: {
      id: string;
      /** @description The contact's or opportunity's company; the invoice's opportunity */
      parent_id: string | null;
      /** @description Website, email, stage or invoice status */
      subtitle: string | null;
      /** @description Name, or the invoice number */
      title: string;
      /** @enum {string} */
      type: "company" | "contact" | "opportunity" | "invoice";
    };
    Stage: {
      created_at: string;
      id: string;
      /**
       * @description won and lost stages close their deals
       * @enum {string}
       */
      kind: "open" | "won" | "lost";
      name: string;
      /** @description 0-based column order on the board */
      position: number;
      updated_at: string;
    };
    StripeStatus: {
      account_id: string | null;
      account_name: string | null;
      /** @description Stripe keys (or the local sandbox) are set up on this server */
      configured: boolean;
      connected: boolean;
      connected_at: string | null;
      deauthorized_at: string | null;
      livemode: boolean;
      /** @enum {string|null} */
      status: "active" | "deauthorized" | null;
    };
    XeroContact: {
      email: string | null;
      id: string;
      name: string;
    };
    XeroLogEntry: {
      action: string;
      at: string;
      duration_ms: number | null;
      fix: string | null;
      http_status: number | null;
      id: string;
      message: string | null;
      /** @enum {string} */
      outcome: "in_flight" | "ok" | "failed" | "rate_limited";
      record_id: string | null;
      user_initiated: boolean;
    };
    XeroOption: {
      code: string;
      /** @description Tax rates: the percentage; bank accounts: the number */
      detail: string | null;
      id: string;
      name: string;
    };
    XeroRaisedInvoice: {
      amount_due_amount: number;
      amount_paid_amount: number;
      company_id: string;
      company_name: string;
      currency: string;
      due_date: string | null;
      issue_date: string | null;
      number: string;
      /**
       * @description Raised in Xero directly, or by a repeating invoice
       * @enum {string}
       */
      origin: "xero" | "repeating";
      paid_on: string | null;
      /** @description Billed to a payer company, not the client */
      payer: boolean;
      pinned_opportunity_id: string | null;
      reference: string | null;
      repeating_invoice_id: string | null;
      status: string;
      total_amount: number;
      xero_invoice_id: string;
    };
    XeroRepeatingInvoice: {
      /** @enum {string} */
      approval: "draft" | "approve" | "approve_for_sending";
      created_at: string;
      currency: string;
      id: string;
      opportunity_id: string;
      reference: string | null;
      schedule: {
        due: {
          day: number;
          /** @enum {string} */
          type: "days_after_invoice" | "day_of_following_month";
        };
        end_date: string | null;
        every: number;
        start_date: string;
        /** @example First invoice on 3 Dec 2026, then every 2 weeks */
        summary: string;
        /** @enum {string} */
        unit: "week" | "month";
      };
      /** @enum {string} */
      status: "DRAFT" | "AUTHORISED" | "DELETED";
      /** @description Each raised invoice's total, minor units */
      total_amount: number;
      /** @description Null while Xero is still creating it */
      xero_repeating_invoice_id: string | null;
      xero_tenant_id: string;
      /** @description Where the schedule is paused or edited in Xero */
      xero_url: string | null;
    };
    XeroStatus: {
      base_currency: string | null;
      branding_theme_id: string | null;
      choices: {
        tenant_id: string;
        tenant_name: string;
      }[];
      connected: boolean;
      default_account_code: string | null;
      /** @enum {string|null} */
      status: "active" | "needs_reconnect" | null;
      status_reason: string | null;
      tax_mappings: {
        tax_rate: string;
        tax_type: string;
      }[];
      tenant_id: string | null;
      tenant_name: string | null;
      timezone: string | null;
    };
    XeroSync: {
      finished_at: string | null;
      interval_minutes: number;
      last_error: string | null;
      processed: number;
      started_at: string | null;
      /** @enum {string} */
      state: "idle" | "queued" | "running" | "failed";
      total: number;
      watermark: string | null;
    };
  };
  responses: never;
  parameters: {};
  requestBodies: never;
  headers: never;
  pathItems: never;
}

export type $defs = Record<string, never>;

export type external = Record<string, never>;

export type operations = Record<string, never>;
