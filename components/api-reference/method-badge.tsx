import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = { GET: "sky", POST: "green", PATCH: "amber", PUT: "amber", DELETE: "violet" };

export function MethodBadge({ method }: { method: string }) {
  return (
    <Badge tone={TONES[method] ?? "neutral"} className="w-14 justify-center font-mono text-[0.7rem] tracking-wide">
      {method}
    </Badge>
  );
}
