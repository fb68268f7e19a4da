/** `text` with LIKE's wildcards and its escape character escaped, to be found literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * A Prisma `contains` filter that finds `text` literally, ignoring case. Prisma sends
 * `contains` as `ILIKE '%' || value || '%'` and leaves LIKE's wildcards in the value alone, so
 * a search for "100%" would also find "1000" and "a_b" would find "axb". Backslash, LIKE's
 * escape character, is escaped too, or a trailing one would swallow the closing `%`.
 */
export function containsText(text: string) {
  return { contains: escapeLike(text), mode: "insensitive" as const };
}

/** The ILIKE pattern, for SQL, that containsText's filter means. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
