import { withOrg } from "@/lib/api/with-org";
import { listAuditEvents } from "@/lib/audit/service";
import { auditListQuerySchema } from "@/lib/audit/schemas";

export const GET = withOrg({ permission: "audit:read", query: auditListQuerySchema }, ({ ctx, tx, query }) => listAuditEvents(ctx, tx, query));
