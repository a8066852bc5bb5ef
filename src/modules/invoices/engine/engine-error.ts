export type EngineErrorCode = "unknown_line" | "invalid_line";

/** A request the engine cannot price; callers map it to their own error envelope. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly lineId: string | undefined;

  constructor(code: EngineErrorCode, message: string, lineId?: string) {
    super(message);
    this.name = "EngineError";
    this.code = code;
    this.lineId = lineId;
  }
}
