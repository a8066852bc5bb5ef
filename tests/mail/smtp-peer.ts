import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type Received = { from: string; to: string[]; raw: string; user: string | undefined };
/** What the peer answers a message: undefined accepts it; otherwise the SMTP reply code and text. */
export type Verdict = { code: number; message: string } | undefined;

/**
 * A real SMTP server on 127.0.0.1 (port chosen by the OS) that requires AUTH, records what it accepts, and
 * answers each DATA with the next verdict from `verdicts` (then accepts). STARTTLS is off: the socket is local.
 */
export async function startSmtpPeer() {
  const received: Received[] = [];
  const verdicts: Verdict[] = [];
  let dataCommands = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "settle" && auth.password === "s3cret") return callback(null, { user: auth.username });
      return callback(new Error("535 Authentication failed"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        dataCommands += 1;
        const verdict = verdicts.shift();
        if (verdict) {
          const error = new Error(verdict.message) as Error & { responseCode: number };
          error.responseCode = verdict.code;
          return callback(error);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          user: typeof session.user === "string" ? session.user : undefined,
        });
        callback(null, "Queued as test");
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://settle:s3cret@127.0.0.1:${port}`,
    received,
    verdicts,
    dataCommands: () => dataCommands,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MimePart = { headers: Record<string, string>; body: Buffer };

/** Leaf parts of a MIME message, decoded (base64, quoted-printable): enough to read what nodemailer wrote. */
export function mimeParts(raw: string): MimePart[] {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = parseHeaders(head ?? "");
  const body = rest.join("\r\n\r\n");
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
  if (boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith("--"))
      .flatMap((chunk) => mimeParts(chunk.replace(/^\r?\n/, "")));
  }
  const encoding = (headers["content-transfer-encoding"] ?? "").toLowerCase();
  const decoded =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, "")
              .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            "latin1",
          )
        : Buffer.from(body);
  return [{ headers, body: decoded }];
}

export function parseHeaders(head: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const at = line.indexOf(":");
    if (at > 0) out[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return out;
}

export function partOfType(parts: MimePart[], type: string): MimePart | undefined {
  return parts.find((p) => (p.headers["content-type"] ?? "").toLowerCase().startsWith(type));
}
