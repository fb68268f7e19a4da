import { ApiError, type Problem } from "@/lib/api/fetch-json";

export const EXPORT_PATH = "/api/v1/me/export";

/**
 * Fetches the export and hands it to the browser as a file. Through fetch rather than a
 * plain link, so the page can show progress and a failure as a message instead of
 * navigating to (or downloading) an error document.
 */
export async function downloadExport(): Promise<void> {
  const res = await fetch(EXPORT_PATH, { credentials: "same-origin" });
  if (!res.ok) {
    const problem = ((await res.json().catch(() => null)) ?? {}) as Partial<Problem>;
    throw new ApiError({
      type: problem.type ?? "about:blank",
      title: problem.title ?? res.statusText,
      status: res.status,
      detail: problem.detail ?? `The download failed (${res.status}).`,
      code: problem.code ?? "unknown",
    });
  }
  const filename = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "account-data.json";
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
