export type Token =
  | { kind: "ident"; text: string }
  | { kind: "string"; text: string }
  | { kind: "number"; value: number }
  | { kind: "op"; text: string }
  | { kind: "punct"; text: "(" | ")" | "," | "." };

export class QueryError extends Error {}

const OPERATORS = ["==", "!=", ">=", "<=", "&&", "||", "=", ">", "<", "!"];

/** Splits a Xero `where` expression (a .NET Dynamic LINQ subset) into tokens. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? "";
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"') {
      const end = input.indexOf('"', i + 1);
      if (end === -1) throw new QueryError("Unterminated string literal");
      tokens.push({ kind: "string", text: input.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(ch) || (ch === "-" && /[0-9]/.test(input[i + 1] ?? ""))) {
      const match = /^-?\d+(\.\d+)?/.exec(input.slice(i));
      tokens.push({ kind: "number", value: Number(match?.[0]) });
      i += match?.[0].length ?? 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(i));
      tokens.push({ kind: "ident", text: match?.[0] ?? ch });
      i += match?.[0].length ?? 1;
    } else if (ch === "(" || ch === ")" || ch === "," || ch === ".") {
      tokens.push({ kind: "punct", text: ch });
      i += 1;
    } else {
      const op = OPERATORS.find((o) => input.startsWith(o, i));
      if (!op) throw new QueryError(`Syntax error '${ch}'`);
      tokens.push({ kind: "op", text: op });
      i += op.length;
    }
  }
  return tokens;
}
