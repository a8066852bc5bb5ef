import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ApiError, api } from "../../lib/api.ts";
import type { Product, ProductBody } from "../../lib/types.ts";

export const PRODUCTS_KEY = ["products"] as const;

export function useSaveProduct(existing: Product | null) {
  const client = useQueryClient();
  return useMutation<Product, ApiError, ProductBody>({
    mutationFn: (body) =>
      existing
        ? api(`/products/${existing.id}`, { method: "PATCH", body })
        : api("/products", { method: "POST", body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: PRODUCTS_KEY }),
  });
}

/** The server deletes a product no line uses and archives one that is used, so old lines keep their name. */
export function useRemoveProduct() {
  const client = useQueryClient();
  return useMutation<void, ApiError, Product>({
    mutationFn: (product) => api(`/products/${product.id}`, { method: "DELETE" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: PRODUCTS_KEY }),
  });
}
