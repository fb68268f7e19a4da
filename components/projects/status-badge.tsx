import type { ProjectStatus } from "@/lib/projects/schemas";
import { Badge, type BadgeTone } from "@/components/ui/badge";

export const STATUS: Record<ProjectStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "green" },
  paused: { label: "Paused", tone: "amber" },
  archived: { label: "Archived", tone: "neutral" },
};

export function StatusBadge({ status }: { status: ProjectStatus }) {
  return (
    <Badge tone={STATUS[status].tone} dot>
      {STATUS[status].label}
    </Badge>
  );
}
