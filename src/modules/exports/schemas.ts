import { z } from "zod";

export const ExportQuery = z.object({ q: z.string().trim().max(200).optional() });
export type ExportQuery = z.input<typeof ExportQuery>;

export const CompaniesExportQuery = ExportQuery.extend({ archived: z.enum(["false", "true", "only"]).optional() });
export type CompaniesExportQuery = z.input<typeof CompaniesExportQuery>;
