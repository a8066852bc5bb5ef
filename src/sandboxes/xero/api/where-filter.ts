import { QueryError, type Token, tokenize } from "./where-tokens.ts";

export { QueryError };

export type FieldValue = string | number | boolean | null | undefined;
/** Maps a lower-cased field path (e.g. "contact.contactid") to a getter. */
export type FieldMap<T> = Record<string, (item: T) => FieldValue>;

type Node<T> = (item: T) => FieldValue;

/** Compiles a `where` expression into a predicate over records, resolving fields through a map. */
export function compileWhere<T>(expression: string, fields: FieldMap<T>, typeName: string): (item: T) => boolean {
  const parser = new Parser(tokenize(expression), fields, typeName);
  const node = parser.parseExpression();
  parser.expectEnd();
  return (item) => node(item) === true;
}

class Parser<T> {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly fields: FieldMap<T>,
    private readonly typeName: string,
  ) {}

  expectEnd(): void {
    if (this.pos < this.tokens.length) throw new QueryError("Syntax error: unexpected trailing input");
  }

  parseExpression(): Node<T> {
    let left = this.parseAnd();
    while (this.acceptWord("OR") || this.acceptOp("||")) {
      const l = left;
      const r = this.parseAnd();
      left = (item) => l(item) === true || r(item) === true;
    }
    return left;
  }

  private parseAnd(): Node<T> {
    let left = this.parseUnary();
    while (this.acceptWord("AND") || this.acceptOp("&&")) {
      const l = left;
      const r = this.parseUnary();
      left = (item) => l(item) === true && r(item) === true;
    }
    return left;
  }

  private parseUnary(): Node<T> {
    if (this.acceptWord("NOT") || this.acceptOp("!")) {
      const inner = this.parseUnary();
      return (item) => inner(item) !== true;
    }
    return this.parseComparison();
  }

  private parseComparison(): Node<T> {
    const left = this.parseOperand();
    const token = this.tokens[this.pos];
    if (token?.kind !== "op" || !["==", "=", "!=", ">", "<", ">=", "<="].includes(token.text)) return left;
    this.pos += 1;
    const right = this.parseOperand();
    return (item) => compare(left(item), right(item), token.text);
  }

  private parseOperand(): Node<T> {
    const token = this.tokens[this.pos];
    if (!token) throw new QueryError("Syntax error: expression expected");
    this.pos += 1;
    if (token.kind === "string") return () => token.text;
    if (token.kind === "number") return () => token.value;
    if (token.kind === "punct" && token.text === "(") {
      const inner = this.parseExpression();
      this.expectPunct(")");
      return inner;
    }
    if (token.kind !== "ident") throw new QueryError("Syntax error: operand expected");
    return this.parseIdentifier(token.text);
  }

  private parseIdentifier(first: string): Node<T> {
    const lower = first.toLowerCase();
    if (lower === "true") return () => true;
    if (lower === "false") return () => false;
    if (lower === "null") return () => null;
    if (lower === "guid") return this.parseGuid();
    if (lower === "datetime") return this.parseDateTime();
    const path = [first];
    while (this.peekPunct(".")) {
      const name = this.tokens[this.pos + 1];
      if (name?.kind !== "ident") throw new QueryError("Syntax error: identifier expected");
      if (this.tokens[this.pos + 2]?.kind === "punct" && (this.tokens[this.pos + 2] as { text: string }).text === "(")
        break;
      path.push(name.text);
      this.pos += 2;
    }
    const getter = this.fields[path.join(".").toLowerCase()];
    if (!getter) throw new QueryError(`No property or field '${path.join(".")}' exists in type '${this.typeName}'`);
    let node: Node<T> = getter;
    while (this.peekPunct(".")) node = this.parseMethod(node);
    return node;
  }

  private parseMethod(target: Node<T>): Node<T> {
    this.pos += 1;
    const name = this.tokens[this.pos];
    this.pos += 1;
    this.expectPunct("(");
    const arg = this.peekPunct(")") ? undefined : this.parseOperand();
    this.expectPunct(")");
    const method = name?.kind === "ident" ? name.text.toLowerCase() : "";
    const text = (item: T): string => String(target(item) ?? "").toLowerCase();
    const argText = (item: T): string => String(arg?.(item) ?? "").toLowerCase();
    if (method === "contains") return (item) => text(item).includes(argText(item));
    if (method === "startswith") return (item) => text(item).startsWith(argText(item));
    if (method === "endswith") return (item) => text(item).endsWith(argText(item));
    if (method === "tolower" || method === "toupper") return (item) => text(item);
    throw new QueryError(`No applicable method '${name?.kind === "ident" ? name.text : "?"}' exists`);
  }

  private parseGuid(): Node<T> {
    this.expectPunct("(");
    const value = this.tokens[this.pos];
    if (value?.kind !== "string") throw new QueryError("Guid literal expected");
    this.pos += 1;
    this.expectPunct(")");
    return () => value.text.toLowerCase();
  }

  private parseDateTime(): Node<T> {
    this.expectPunct("(");
    const parts: number[] = [];
    while (!this.peekPunct(")")) {
      const value = this.tokens[this.pos];
      if (value?.kind !== "number") throw new QueryError("DateTime expects numbers");
      parts.push(value.value);
      this.pos += 1;
      if (this.peekPunct(",")) this.pos += 1;
    }
    this.expectPunct(")");
    const [y = 0, m = 1, d = 1, h = 0, mi = 0, s = 0] = parts;
    const ms = Date.UTC(y, m - 1, d, h, mi, s);
    return () => ms;
  }

  private acceptWord(word: string): boolean {
    const token = this.tokens[this.pos];
    if (token?.kind === "ident" && token.text.toUpperCase() === word) {
      this.pos += 1;
      return true;
    }
    return false;
  }

  private acceptOp(op: string): boolean {
    const token = this.tokens[this.pos];
    if (token?.kind === "op" && token.text === op) {
      this.pos += 1;
      return true;
    }
    return false;
  }

  private peekPunct(text: string): boolean {
    const token = this.tokens[this.pos];
    return token?.kind === "punct" && token.text === text;
  }

  private expectPunct(text: string): void {
    if (!this.peekPunct(text)) throw new QueryError(`Syntax error: '${text}' expected`);
    this.pos += 1;
  }
}

/** String comparison is case-insensitive, as Xero's database collation is. */
function compare(left: FieldValue, right: FieldValue, op: string): boolean {
  const l = typeof left === "string" ? left.toLowerCase() : left;
  const r = typeof right === "string" ? right.toLowerCase() : right;
  if (op === "==" || op === "=") return (l ?? null) === (r ?? null);
  if (op === "!=") return (l ?? null) !== (r ?? null);
  if (l === null || l === undefined || r === null || r === undefined) return false;
  if (op === ">") return l > r;
  if (op === "<") return l < r;
  if (op === ">=") return l >= r;
  return l <= r;
}

/** `order=Name ASC, Date DESC` using the same field map. */
export function compileOrder<T>(order: string, fields: FieldMap<T>, typeName: string): (a: T, b: T) => number {
  const keys = order.split(",").map((part) => {
    const [name = "", direction = "ASC"] = part.trim().split(/\s+/);
    const getter = fields[name.toLowerCase()];
    if (!getter) throw new QueryError(`No property or field '${name}' exists in type '${typeName}'`);
    return { getter, sign: direction.toUpperCase() === "DESC" ? -1 : 1 };
  });
  return (a, b) => {
    for (const { getter, sign } of keys) {
      const x = getter(a) ?? "";
      const y = getter(b) ?? "";
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return 0;
  };
}
