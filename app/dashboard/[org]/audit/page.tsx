import type { Metadata } from "next";
import { AuditForbidden } from "@/components/audit/audit-forbidden";
import { AuditLog } from "@/components/audit/audit-log";
import { loadAsMember } from "@/lib/orgs/load-as-member";
import { firstParam, type SearchParams } from "@/components/search-params";
import { can } from "@/lib/auth/permissions";
import { auditListQuerySchema } from "@/lib/audit/schemas";
import { listAuditEvents } from "@/lib/audit/service";

export const metadata: Metadata = { title: "Audit log" };

type Props = { params: Promise<{ org: string }>; searchParams: SearchParams };

const FILTERS = ["action", "actor", "target", "from", "to"] as const;

export default async function AuditPage({ params, searchParams }: Props) {
  const [{ org }, search] = await Promise.all([params, searchParams]);
  // A hand-edited URL with a bad filter shows the unfiltered log rather than an error.
  const parsed = auditListQuerySchema.safeParse(Object.fromEntries(FILTERS.map((key) => [key, firstParam(search[key])])));
  const query = parsed.success ? parsed.data : auditListQuerySchema.parse({});
  const { cursor: _cursor, limit: _limit, ...filters } = query;

  // Members whose role cannot read it get an explanation inside the dashboard, not a crash page.
  const result = await loadAsMember(org, "org:read", `/dashboard/${org}/audit`, async (ctx, tx) => ({
    org: ctx.org,
    page: can(ctx.role, "audit:read") ? await listAuditEvents(ctx, tx, query) : null,
  }));
  if (!result.page) return <AuditForbidden org={result.org} />;
  return <AuditLog initial={{ filters, page: result.page }} />;
}
