/** Time is a dependency so tests and the sandboxes can move it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
