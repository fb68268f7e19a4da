/** What Next passes a page as `searchParams` (a Promise since Next 15). */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A query parameter's single value, whichever shape Next parsed it into. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
