"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { ApiError, type Problem } from "@/lib/api/fetch-json";
import type { AuditFilters } from "@/lib/audit/schemas";
import Link from "next/link";
import { useDashboard, usePlanWithout } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { ArrowRightIcon } from "@/components/ui/icons";
import { filterParams } from "./use-audit-log";

/** Saves a blob under `filename` through a temporary link, the way a download link would. */
function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

async function downloadCsv(url: string): Promise<{ rows: number; truncated: boolean }> {
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as Partial<Problem>;
    throw new ApiError({ type: "about:blank", title: res.statusText, status: res.status, code: "unknown", detail: `Export failed (${res.status}).`, ...problem });
  }
  const filename = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "audit-log.csv";
  saveFile(await res.blob(), filename);
  return { rows: Number(res.headers.get("x-export-rows") ?? 0), truncated: res.headers.has("x-export-truncated") };
}

/**
 * Exports what the filters select. Fetched rather than linked so that a refusal shows as
 * a message here, and a capped export can say so.
 */
export function ExportButton({ filters }: { filters: AuditFilters }) {
  const { org } = useDashboard();
  const [exporting, setExporting] = useState(false);
  const notInPlan = usePlanWithout("auditLogExport");

  async function onClick() {
    setExporting(true);
    try {
      const query = filterParams(filters).toString();
      const { rows, truncated } = await downloadCsv(`/api/v1/orgs/${encodeURIComponent(org.slug)}/audit/export${query ? `?${query}` : ""}`);
      if (truncated) toast.warning(`Exported the newest ${rows.toLocaleString("en-US")} events`, { description: "That is the most one file holds. Narrow the dates to export older events." });
      else toast.success(`Exported ${rows.toLocaleString("en-US")} ${rows === 1 ? "event" : "events"}`);
    } catch (error) {
      toast.error("Couldn't export the audit log", { description: errorMessage(error) });
    } finally {
      setExporting(false);
    }
  }

  // The API refuses it too (403 feature_unavailable); this says so before anyone clicks.
  if (notInPlan) {
    return (
      <p className="text-sm text-muted-foreground">
        CSV export is not part of the {notInPlan.planName} plan.{" "}
        <Link href={notInPlan.upgradeUrl} className="font-medium text-link hover:underline">
          See plans
        </Link>
      </p>
    );
  }

  return (
    <Button variant="secondary" loading={exporting} onClick={() => void onClick()}>
      {!exporting && <ArrowRightIcon className="size-4 rotate-90" />}
      Export CSV
    </Button>
  );
}
