/** Half away from zero, after trimming float noise (1.005 * 100 = 100.49999…). */
export function roundTo(value: number, dp: number): number {
  const factor = 10 ** dp;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return value < 0 ? -rounded : rounded;
}

export function round2(value: number): number {
  return roundTo(value, 2);
}

export function sum(values: readonly number[]): number {
  return round2(values.reduce((total, v) => total + v, 0));
}
