/** Money is integer minor units beside an ISO 4217 currency; the currency decides the fraction digits. */

export function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(amount: number, currency: string): string {
  const digits = fractionDigits(currency);
  const major = amount / 10 ** digits;
  try {
    return new Intl.NumberFormat(undefined, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency}`;
  }
}

/** "12.50" in USD → 1250; returns null when the text is not a number. */
export function parseMoney(text: string, currency: string): number | null {
  const cleaned = text.replace(/[,\s]/g, "");
  if (cleaned === "" || !/^-?\d*(\.\d*)?$/.test(cleaned)) {
    return null;
  }
  return Math.round(Number(cleaned) * 10 ** fractionDigits(currency));
}

export function toMajorText(amount: number, currency: string): string {
  const digits = fractionDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}
