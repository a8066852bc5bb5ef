import type { MiddlewareHandler } from "hono";
import { loadSpec } from "./spec-files.ts";
import { SpecValidator } from "./spec-validator.ts";

interface Operation {
  parameters?: Array<{ $ref?: string; in?: string; name?: string }>;
  requestBody?: { $ref?: string; content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> } | null>;
}

interface Api {
  validator: SpecValidator;
  prefix: string;
  caseInsensitive: boolean;
}

/**
 * Checks every exchange with the sandbox against Xero's OpenAPI specs: the operation exists, the
 * query parameters and JSON body it accepted are declared, and the response matches its schema.
 */
export class Conformance {
  readonly violations: string[] = [];
  readonly enabled: boolean;
  private readonly apis: Api[] = [];
  readonly identity: SpecValidator | undefined;
  readonly webhooks: SpecValidator | undefined;

  constructor(mount: string) {
    const accounting = loadSpec("xero_accounting.yaml");
    const identity = loadSpec("xero-identity.yaml");
    const webhooks = loadSpec("xero-webhooks.yaml");
    if (accounting)
      this.apis.push({
        validator: new SpecValidator("accounting", accounting),
        prefix: `${mount}/api/api.xro/2.0`,
        caseInsensitive: false,
      });
    this.identity = identity ? new SpecValidator("identity", identity, { timezoneOptional: true }) : undefined;
    if (this.identity) this.apis.push({ validator: this.identity, prefix: `${mount}/api`, caseInsensitive: true });
    this.webhooks = webhooks ? new SpecValidator("webhooks", webhooks, { timezoneOptional: true }) : undefined;
    this.enabled = Boolean(accounting && identity && webhooks);
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const method = c.req.method.toLowerCase();
      const requestText = method === "get" ? "" : await c.req.raw.clone().text();
      await next();
      const url = new URL(c.req.url);
      const api = this.apis.find((a) => url.pathname.startsWith(a.prefix) && url.pathname.length > a.prefix.length);
      if (!api) return;
      const path = url.pathname.slice(api.prefix.length);
      const op = findOperation(api, path, method);
      const label = `${c.req.method} ${url.pathname}${url.search} → ${c.res.status}`;
      const ok = c.res.status >= 200 && c.res.status < 300;
      if (!op) {
        if (ok) this.violations.push(`${label}: operation not in spec`);
        return;
      }
      if (ok) this.checkRequest(api, op.operation, op.pathParameters, url, requestText, label);
      await this.checkResponse(api, op.operation, c.res.clone(), label);
    };
  }

  /** For payloads the sandbox sends rather than serves (token responses, webhooks). */
  check(validator: SpecValidator | undefined, pointer: string, value: unknown, label: string): void {
    if (!validator) return;
    const error = validator.validate({ $ref: pointer }, value);
    if (error) this.violations.push(`${label}: ${error}`);
  }

  private checkRequest(
    api: Api,
    op: Operation,
    pathParams: Operation["parameters"],
    url: URL,
    body: string,
    label: string,
  ): void {
    const declared = [...(pathParams ?? []), ...(op.parameters ?? [])]
      .map((p) => api.validator.resolve(p))
      .filter((p) => p.in === "query")
      .map((p) => p.name);
    for (const name of url.searchParams.keys())
      if (!declared.includes(name)) this.violations.push(`${label}: query parameter ${name} not in spec`);
    if (!body.trim()) return;
    const schema = api.validator.resolve(op.requestBody)?.content?.["application/json"]?.schema;
    if (!schema) return;
    const error = api.validator.validate(schema, JSON.parse(body));
    if (error) this.violations.push(`${label}: request ${error}`);
  }

  private async checkResponse(api: Api, op: Operation, response: Response, label: string): Promise<void> {
    const declared = op.responses?.[String(response.status)];
    if (!declared) {
      if (response.status < 300) this.violations.push(`${label}: status not declared in spec`);
      return;
    }
    const schema = api.validator.resolve(declared)?.content?.["application/json"]?.schema;
    if (!schema) return;
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.violations.push(`${label}: response is not JSON`);
      return;
    }
    const error = api.validator.validate(schema, json);
    if (error) this.violations.push(`${label}: response ${error}`);
  }
}

function findOperation(
  api: Api,
  path: string,
  method: string,
): { operation: Operation; pathParameters: Operation["parameters"] } | undefined {
  const paths = api.validator.spec.paths ?? {};
  const candidates = Object.keys(paths)
    .filter((template) => templateRegex(template, api.caseInsensitive).test(path))
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  for (const template of candidates) {
    const item = paths[template] as Record<string, unknown>;
    const operation = item[method] as Operation | undefined;
    if (operation) return { operation, pathParameters: item.parameters as Operation["parameters"] };
  }
  return undefined;
}

function templateRegex(template: string, caseInsensitive: boolean): RegExp {
  const pattern = template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{[^/]+?\\\}/g, "[^/]+");
  return new RegExp(`^${pattern}/?$`, caseInsensitive ? "i" : "");
}
