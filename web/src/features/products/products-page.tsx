import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { RowActions } from "../../components/ui/row-actions.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatPercent } from "../../lib/format.ts";
import { formatMoney } from "../../lib/money.ts";
import { useCan } from "../../lib/session.tsx";
import type { Product } from "../../lib/types.ts";
import { useDebounced } from "../../lib/use-debounced.ts";
import { usePageList } from "../../lib/use-page-list.ts";
import { ExportCsvLink } from "../imports/export-csv-link.tsx";
import { ProductFormDialog } from "./product-form-dialog.tsx";
import { PRODUCTS_KEY, useRemoveProduct } from "./queries.ts";

type Editing = { product: Product | null } | null;

const INTERVAL_LABEL: Record<NonNullable<Product["recurring_interval"]>, string> = {
  week: "weekly",
  month: "monthly",
  quarter: "quarterly",
  year: "yearly",
};

export function ProductsPage() {
  const canWrite = useCan("products:write");
  const [search, setSearch] = useState("");
  const [showArchived, setShowArchived] = useState(false);
  const q = useDebounced(search.trim());
  const list = usePageList<Product>([...PRODUCTS_KEY, "catalogue"], "/products", {
    q,
    is_active: showArchived ? undefined : "true",
  });
  const remove = useRemoveProduct();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Product | null>(null);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Products</h1>
          <p className="muted">The catalogue lines are sold from: price, billing, deposit and tax defaults.</p>
        </div>
        <div className="card-actions">
          <ExportCsvLink entity="products" query={{ q }} />
          {canWrite ? (
            <Button variant="primary" onClick={() => setEditing({ product: null })} data-testid="new-product">
              New product
            </Button>
          ) : null}
        </div>
      </header>
      <Card>
        <div className="toolbar">
          <input
            type="search"
            placeholder="Search products…"
            aria-label="Search products"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.target.checked)}
              data-testid="show-archived-products"
            />
            Show archived
          </label>
        </div>
        <ErrorBanner error={list.error} onRetry={() => void list.refetch()} />
        {list.isPending ? (
          <Loading />
        ) : list.isError ? null : list.items.length === 0 ? (
          <EmptyState title={q ? "No products match" : "No products yet"} />
        ) : (
          <Table
            testId="product-table"
            head={
              <tr>
                <th>Name</th>
                <th>Billing</th>
                <th className="num">Unit price</th>
                <th className="num">Deposit</th>
                <th className="num">Tax</th>
                {canWrite ? <th aria-label="Actions" /> : null}
              </tr>
            }
          >
            {list.items.map((p) => (
              <tr key={p.id} data-testid="product-row" data-name={p.name}>
                <td>
                  <span className="strong">{p.name}</span>
                  {p.sku ? <span className="muted small"> · {p.sku}</span> : null}
                  {p.is_active ? null : (
                    <>
                      {" "}
                      <Pill testId="product-archived">{p.archived_at ? "Archived" : "Inactive"}</Pill>
                    </>
                  )}
                  {p.description ? <div className="muted small">{p.description}</div> : null}
                </td>
                <td>
                  {p.billing === "recurring"
                    ? `Recurring${p.recurring_interval ? `, ${INTERVAL_LABEL[p.recurring_interval]}` : ""}`
                    : "One-off"}
                </td>
                <td className="num">
                  {formatMoney(p.unit_amount, p.currency)} / {p.unit}
                </td>
                <td className="num">{p.deposit_percent === null ? "Default" : formatPercent(p.deposit_percent)}</td>
                <td className="num">{formatPercent(p.tax_rate)}</td>
                {canWrite ? (
                  <RowActions
                    name="product"
                    onEdit={() => setEditing({ product: p })}
                    onRemove={() => setRemoving(p)}
                  />
                ) : null}
              </tr>
            ))}
          </Table>
        )}
        {list.hasNextPage ? (
          <div className="load-more">
            <Button onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage}>
              Load more
            </Button>
          </div>
        ) : null}
      </Card>
      {editing ? <ProductFormDialog open product={editing.product} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? "product"}?`}
        confirmLabel="Remove"
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
      >
        <p>A product already sold on a line is archived instead: it leaves the catalogue and the lines keep it.</p>
      </ConfirmDialog>
    </div>
  );
}
