/** The sandbox clock: the host clock (or an injected one) plus an offset moved by the console. */
export class SandboxClock {
  constructor(
    private readonly base: () => Date,
    private offsetMs = 0,
  ) {}

  nowMs(): number {
    return this.base().getTime() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  get offset(): number {
    return this.offsetMs;
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }
}
