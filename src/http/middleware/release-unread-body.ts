import type { MiddlewareHandler } from "hono";

/** Bodies up to this size are read and discarded after an early answer; larger ones end the connection. */
const DISCARD_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * A request answered before its body was read (401, 413, 415, a validation error on the path…) leaves the rest
 * of the body on the socket. Once something has touched the body stream (body-limit does, to check it), the
 * Node adapter can no longer drain it, gives up after 500 ms and destroys the socket, and a keep-alive client's
 * next request on that socket fails with "other side closed". So the unread body is consumed here, or, when
 * it is too large or already half-read, the answer says `Connection: close` so the client does not reuse the
 * connection.
 */
export function releaseUnreadBody(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const request = c.req.raw;
    if (request.method === "GET" || request.method === "HEAD" || request.bodyUsed) {
      return;
    }
    const declared = request.headers.get("content-length");
    const length = declared === null ? Number.NaN : Number(declared);
    if (length === 0) {
      return;
    }
    const body = request.body;
    if (!body || body.locked || length > DISCARD_LIMIT_BYTES) {
      c.header("Connection", "close");
      return;
    }
    let seen = 0;
    const discard = new WritableStream<Uint8Array>({
      write(chunk) {
        seen += chunk.byteLength;
        if (seen > DISCARD_LIMIT_BYTES) {
          throw new Error("request body too large to discard");
        }
      },
    });
    // Not awaited: the answer goes out now; the socket is free for the next request once the body is read.
    body.pipeTo(discard).catch(() => undefined);
  };
}
