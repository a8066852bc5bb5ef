import { pino } from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs; anything that can carry a secret is redacted at the source. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "settle" },
    redact: {
      paths: [
        "password",
        "*.password",
        "key",
        "*.key",
        "secret",
        "*.secret",
        "token",
        "*.token",
        "authorization",
        "*.authorization",
        "headers.authorization",
        "headers.cookie",
        "*.headers.authorization",
        "*.headers.cookie",
      ],
      censor: "[redacted]",
    },
  });
}
