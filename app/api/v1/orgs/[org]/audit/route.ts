import { withOrg } from "@/lib/api/with-org";
import { listAuditEvents } from "@/lib/audit/service";
import { auditListQuerySchema, auditPageSchema } from "@/lib/audit/schemas";

export const GET = withOrg(
  { summary: "List audit events", permission: "audit:read", query: auditListQuerySchema, response: auditPageSchema },
  ({ ctx, tx, query }) => listAuditEvents(ctx, tx, query),
);
