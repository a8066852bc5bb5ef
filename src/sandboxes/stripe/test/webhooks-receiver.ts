import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed body's `id` and `type`, for quick matching. */
  id: string;
  type: string;
  account: string | undefined;
  path: string;
}

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** What to answer next: a queue of statuses (then `fallback`), or "hang" to never answer. */
  answers: Array<number | "hang">;
  fallback: number | "hang";
  /** Waits until `count` webhooks match, or fails after `timeoutMs`. */
  waitFor(match: (hook: ReceivedWebhook) => boolean, count?: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A small webhook receiver on 127.0.0.1 that records every POST and answers as told. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  const hanging = new Set<import("node:http").ServerResponse>();
  const receiver: Receiver = {
    url: "",
    received,
    answers: [],
    fallback: 200,
    async waitFor(match, count = 1, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.filter(match);
        if (found.length >= count) return found;
        if (Date.now() > deadline) {
          throw new Error(`Expected ${count} matching webhooks, got ${found.length} of ${received.length}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let parsed: { id?: string; type?: string; account?: string } = {};
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {}
      received.push({
        headers: request.headers,
        body,
        id: parsed.id ?? "",
        type: parsed.type ?? "",
        account: parsed.account,
        path: request.url ?? "/",
      });
      const answer = receiver.answers.shift() ?? receiver.fallback;
      if (answer === "hang") {
        hanging.add(response);
        return;
      }
      response.writeHead(answer, { "content-type": "application/json" });
      response.end(JSON.stringify({ received: answer < 300 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`;
  return receiver;
}
