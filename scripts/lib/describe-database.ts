/** A connection string fit to print: user, host, port and database, never the password. */
export function describeDatabase(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : "";
    return `${user}${url.host || "localhost"}${url.pathname}`;
  } catch {
    return "(unparseable connection string)";
  }
}
