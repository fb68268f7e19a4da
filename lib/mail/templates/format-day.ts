/** "Tuesday, 8 December 2026 (UTC)": a deadline in an email, where the reader's time zone is unknown. */
export function formatDay(iso: string): string {
  const day = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
  return `${day} (UTC)`;
}
