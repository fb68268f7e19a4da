import { env } from "@/lib/env";
import { slugify } from "@/lib/orgs/slug";
import type { AccountExport } from "./export-data";

/** `tenantkit-data-2026-11-25.json`: the product's name, so a fork's users get theirs. */
function exportFileName(now: Date): string {
  return `${slugify(env.APP_NAME)}-data-${now.toISOString().slice(0, 10)}.json`;
}

/** The export as a file download; personal data, so no cache may keep a copy. */
export function exportDownload(data: AccountExport): Response {
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(new Date(data.exportedAt))}"`,
      "cache-control": "no-store",
    },
  });
}
