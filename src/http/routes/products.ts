import { OpenAPIHono } from "@hono/zod-openapi";
import { ProductSchema, toProductDto } from "../../dto/crm.ts";
import {
  CreateProductInput,
  createProduct,
  deleteProduct,
  getProduct,
  ListProductsQuery,
  listProducts,
  UpdateProductInput,
  updateProduct,
} from "../../modules/crm/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, pageOf } from "../openapi.ts";

const tags = ["Products"];

export const productRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "post",
      path: "/products",
      tags,
      summary: "Create a catalogue product",
      scope: "products:write",
      request: body(CreateProductInput),
      responses: { 201: json(ProductSchema, "The product") },
    }),
    async (c) => c.json(toProductDto(await createProduct(ctxOf(c), c.req.valid("json"))), 201),
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/products",
      tags,
      summary: "List products, newest first; `q` searches the name, `is_active` filters",
      scope: "products:read",
      request: { query: ListProductsQuery },
      responses: { 200: json(pageOf(ProductSchema), "A page of products") },
    }),
    async (c) => {
      const page = await listProducts(ctxOf(c), c.req.valid("query"));
      return c.json({ data: page.data.map(toProductDto), has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/products/{id}",
      tags,
      summary: "Get a catalogue product",
      scope: "products:read",
      request: { params: IdParam },
      responses: { 200: json(ProductSchema, "The product") },
    }),
    async (c) => c.json(toProductDto(await getProduct(ctxOf(c), c.req.valid("param"))), 200),
  )
  .openapi(
    apiRoute({
      method: "patch",
      path: "/products/{id}",
      tags,
      summary: "Update a catalogue product",
      scope: "products:write",
      request: { params: IdParam, ...body(UpdateProductInput) },
      responses: { 200: json(ProductSchema, "The product") },
    }),
    async (c) =>
      c.json(toProductDto(await updateProduct(ctxOf(c), { ...c.req.valid("json"), id: c.req.valid("param").id })), 200),
  )
  .openapi(
    apiRoute({
      method: "delete",
      path: "/products/{id}",
      tags,
      summary: "Delete a product; one used on lines is archived instead (is_active false, archived_at set)",
      scope: "products:write",
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" } },
    }),
    async (c) => {
      await deleteProduct(ctxOf(c), c.req.valid("param"));
      return c.body(null, 204);
    },
  );
