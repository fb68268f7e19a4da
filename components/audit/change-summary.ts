import type { AuditEventDto } from "@/lib/audit/schemas";
import type { Role } from "@/lib/db/generated/enums";
import { roleLabel } from "@/components/members/role-badge";
import { formatDate } from "@/components/ui/format-date";

type ChangeLine = { field: string; before?: string; after?: string };

const FIELDS: Record<string, string> = {
  name: "Name",
  slug: "URL",
  description: "Description",
  status: "Status",
  role: "Role",
  actorRole: "Actor's role",
  email: "Email",
  expiresAt: "Expires",
  sendCount: "Times sent",
};

const ROLE_FIELDS = new Set(["role", "actorRole"]);
const ROLES = new Set<string>(["owner", "admin", "member", "viewer"]);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_LENGTH = 80;

/** "sendCount" → "Send count", for fields this page has no label for. */
const humanize = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase()).replace(/ [A-Z]/g, (c) => c.toLowerCase());

function show(field: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") {
    if (ROLE_FIELDS.has(field) && ROLES.has(value)) return roleLabel(value as Role);
    if (ISO_INSTANT.test(value)) return formatDate(value);
    if (value === "") return "(empty)";
    return value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH - 1)}…` : value;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** One line per field that an event's before/after mentions, in a stable order. */
export function changeLines(changes: AuditEventDto["changes"]): ChangeLine[] {
  if (!changes) return [];
  const before = changes.before ?? {};
  const after = changes.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((key) => ({
    field: FIELDS[key] ?? humanize(key),
    before: key in before ? show(key, before[key]) : undefined,
    after: key in after ? show(key, after[key]) : undefined,
  }));
}
