import { withOrg } from "@/lib/api/with-org";
import { EXPORT_ROW_LIMIT, exportAuditEvents } from "@/lib/audit/service";
import { auditCsvSchema, auditFiltersSchema } from "@/lib/audit/schemas";

export const GET = withOrg(
  { summary: "Export the audit log as CSV", permission: "audit:read", query: auditFiltersSchema, response: auditCsvSchema, errors: ["feature_unavailable"] },
  async ({ ctx, tx, query }) => {
    const file = await exportAuditEvents(ctx, tx, query);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(file.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-log-${ctx.org.slug}-${day}.csv"`,
        "cache-control": "no-store",
        "x-export-rows": String(file.rows),
        // Set when more events matched than one export holds: narrow the dates to get the rest.
        ...(file.truncated ? { "x-export-truncated": `newest ${EXPORT_ROW_LIMIT}` } : {}),
      },
    });
  },
);
