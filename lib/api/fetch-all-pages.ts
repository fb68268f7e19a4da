import type { Page } from "@/lib/db/keyset-page";
import { fetchJson } from "./fetch-json";

/**
 * Every page of a cursor-paginated list (lib/db/keyset-page.ts), for views that show the
 * whole list at once (the roster, pending invitations, API keys, devices). The answer is the
 * last page's envelope (with any extra fields, such as invitations' seat count) holding all rows.
 */
export async function fetchAllPages<P extends Page<unknown>>(path: string, init: { signal?: AbortSignal } = {}): Promise<P> {
  const join = path.includes("?") ? "&" : "?";
  let page = await fetchJson<P>(path, init);
  const data = [...page.data];
  while (page.nextCursor) {
    page = await fetchJson<P>(`${path}${join}cursor=${encodeURIComponent(page.nextCursor)}`, init);
    data.push(...page.data);
  }
  return { ...page, data, nextCursor: null };
}
