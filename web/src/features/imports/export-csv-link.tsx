/** The lists a CSV export exists for: each streams every row the caller may read, with the list's filters. */
export type ExportEntity = "companies" | "contacts" | "products" | "opportunities";

function hrefFor(entity: ExportEntity, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value) params.set(key, value);
  }
  const qs = params.toString();
  return `/api/v1/${entity}.csv${qs ? `?${qs}` : ""}`;
}

/** A plain download link: the browser streams the file with the session cookie, no script holds it in memory. */
export function ExportCsvLink({
  entity,
  query = {},
  label = "Export CSV",
}: {
  entity: ExportEntity;
  query?: Record<string, string | undefined>;
  label?: string;
}) {
  return (
    <a className="btn btn-secondary" href={hrefFor(entity, query)} download data-testid={`export-${entity}-csv`}>
      {label}
    </a>
  );
}
