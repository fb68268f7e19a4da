import type { Role } from "@/lib/db/generated/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const ROLE: Record<Role, { label: string; tone: BadgeTone }> = {
  owner: { label: "Owner", tone: "violet" },
  admin: { label: "Admin", tone: "indigo" },
  member: { label: "Member", tone: "sky" },
  viewer: { label: "Viewer", tone: "neutral" },
};

export const roleLabel = (role: Role) => ROLE[role].label;

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={ROLE[role].tone}>{ROLE[role].label}</Badge>;
}
