import { useState } from "react";
import { canonicalDecimal, isPositive, parseDecimal } from "../../lib/decimal.ts";
import { parseMoney } from "../../lib/money.ts";
import type { FreeLine, Portion } from "../../lib/types.ts";
import { usePreview } from "./queries.ts";

export type FreeLineDraft = { key: number; description: string; quantity: string; unitPrice: string; taxRate: string };

let nextKey = 1;
export function blankFreeLine(): FreeLineDraft {
  nextKey += 1;
  return { key: nextKey, description: "", quantity: "1", unitPrice: "", taxRate: "0" };
}

/** Free lines complete enough to price; half-typed ones are left out of the preview until they are. */
export function toFreeLines(drafts: FreeLineDraft[], currency: string): FreeLine[] {
  return drafts.flatMap((d) => {
    const unit = parseMoney(d.unitPrice, currency);
    const quantity = parseDecimal(d.quantity);
    const taxRate = canonicalDecimal(d.taxRate || "0");
    if (!d.description.trim() || unit === null || unit < 0 || !quantity || !isPositive(quantity) || taxRate === null) {
      return [];
    }
    return [
      {
        description: d.description.trim(),
        quantity: canonicalDecimal(d.quantity) ?? d.quantity,
        unit_amount: unit,
        tax_rate: taxRate,
      },
    ];
  });
}

/**
 * The invoice being composed: a portion, the ticked product lines (the portion's pre-selection until the member
 * ticks or unticks one) and free lines. Two previews: the pre-selection, then the live totals for the selection.
 */
export function useInvoiceForm(oppId: string, currency: string, open: boolean) {
  const [portion, setPortionState] = useState<Portion>("full");
  const [ticked, setTicked] = useState<string[] | null>(null);
  const [freeDrafts, setFreeDrafts] = useState<FreeLineDraft[]>([]);
  const preselection = usePreview(oppId, { portion }, open);
  const preselectionReady = preselection.data?.portion === portion && !preselection.isPlaceholderData;
  const preselected = preselectionReady
    ? (preselection.data?.lines ?? []).flatMap((l) => (l.product_line_id ? [l.product_line_id] : []))
    : null;
  const selected = ticked ?? preselected;
  const freeLines = toFreeLines(freeDrafts, currency);
  const request = { portion, line_ids: selected ?? [], free_lines: freeLines };
  const live = usePreview(oppId, request, open && selected !== null);
  return {
    portion,
    setPortion: (next: Portion) => {
      setPortionState(next);
      setTicked(null);
    },
    selected,
    toggle: (lineId: string, on: boolean) => {
      const current = selected ?? [];
      setTicked(on ? [...current, lineId] : current.filter((id) => id !== lineId));
    },
    freeDrafts,
    setFreeDrafts,
    request,
    preview: live.data,
    previewError: preselection.error ?? live.error,
    previewFetching: live.isFetching || preselection.isFetching,
    reset: () => {
      setPortionState("full");
      setTicked(null);
      setFreeDrafts([]);
    },
  };
}
