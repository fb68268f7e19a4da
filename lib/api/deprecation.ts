import type { Deprecation } from "./versions";

/** Where the Link headers point: the changelog names what replaces a deprecated route or version. */
export const CHANGELOG_PATH = "/docs/api/changelog";

/**
 * Headers for an answer from something scheduled to go: `Deprecation` as an RFC 9745
 * structured date (`@` + Unix seconds), `Sunset` as an RFC 8594 HTTP-date, and `Link`s to
 * the changelog with the `deprecation` and `sunset` relations.
 */
export function deprecationHeaders(deprecation: Deprecation): Record<string, string> {
  const since = Math.floor(Date.parse(deprecation.since) / 1000);
  const links = [`<${CHANGELOG_PATH}>; rel="deprecation"; type="text/html"`];
  const headers: Record<string, string> = { deprecation: `@${since}` };
  if (deprecation.sunset) {
    headers.sunset = new Date(deprecation.sunset).toUTCString();
    links.push(`<${CHANGELOG_PATH}>; rel="sunset"; type="text/html"`);
  }
  headers.link = links.join(", ");
  return headers;
}
