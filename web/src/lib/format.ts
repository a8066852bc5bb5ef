export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) {
    return "—";
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatPercent(value: number | string | null | undefined): string {
  const n = Number(value ?? 0);
  return `${Number.isFinite(n) ? n : 0}%`;
}

/** "opportunities:read" → { area: "opportunities", action: "read" }. */
export function splitScope(scope: string): { area: string; action: string } {
  const [area = scope, action = ""] = scope.split(":");
  return { area, action };
}

export function humanise(text: string): string {
  const spaced = text.replace(/_/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
