import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { canonicalDecimal } from "../../lib/decimal.ts";
import type { Line, NewLine, Opportunity, Product } from "../../lib/types.ts";
import { diffDraft, draftOf, draftProblem } from "./line-draft.ts";
import { LINE_FIELDS, type LineDraft, LineFields } from "./line-fields.tsx";
import { linesKey, useProducts } from "./queries.ts";

type Props = { open: boolean; opportunity: Opportunity; onClose: () => void };

const baseFor = (product: Product | undefined, currency: string): LineDraft =>
  draftOf(
    { quantity: 1, unit_amount: product?.unit_amount ?? 0, discount_percent: 0, deposit_percent: null },
    currency,
  );

export function AddLineDialog({ open, opportunity, onClose }: Props) {
  const client = useQueryClient();
  const products = useProducts(open);
  const [productId, setProductId] = useState("");
  const product = products.data?.find((p) => p.id === productId);
  const currency = product?.currency ?? opportunity.currency;
  const [draft, setDraft] = useState<LineDraft>(baseFor(undefined, currency));
  const add = useMutation<Line, ApiError>({
    mutationFn: () => {
      const problem = draftProblem(draft, currency);
      if (problem) throw problem;
      const { quantity: _q, ...changes } = diffDraft(draft, baseFor(product, currency), currency);
      const body: NewLine = {
        product_id: productId,
        quantity: canonicalDecimal(draft.quantity) ?? draft.quantity,
        ...changes,
      };
      return api(`/opportunities/${opportunity.id}/products`, { method: "POST", body });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: linesKey(opportunity.id) });
      close();
    },
  });
  const choose = (id: string) => {
    setProductId(id);
    const chosen = products.data?.find((p) => p.id === id);
    setDraft({ ...baseFor(chosen, chosen?.currency ?? currency), quantity: draft.quantity });
  };
  const close = () => {
    add.reset();
    setProductId("");
    setDraft(baseFor(undefined, currency));
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Dialog open={open} title="Add product" onClose={close} testId="add-line-dialog">
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={add.error ?? products.error} shownFields={["product_id", ...LINE_FIELDS]} />
        <Field label="Product" error={add.error?.issueFor("product_id")}>
          {(id) => (
            <select
              id={id}
              required
              value={productId}
              onChange={(e) => choose(e.target.value)}
              data-testid="product-select"
            >
              <option value="" disabled>
                {products.isPending ? "Loading catalogue…" : "Choose a product"}
              </option>
              {(products.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <LineFields draft={draft} onChange={setDraft} currency={currency} error={add.error} disabled={!productId} />
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={add.isPending}
            disabled={!productId}
            data-testid="save-new-line"
          >
            Add to opportunity
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
