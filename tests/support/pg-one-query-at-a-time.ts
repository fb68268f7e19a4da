import path from "node:path";

const PRELOAD = path.resolve("tests/support/pg-one-query-at-a-time.cjs");

/** NODE_OPTIONS for a test server: the caller's own, plus the preload that makes pg refuse overlapping queries now. */
export const withOneQueryAtATime = (nodeOptions: string | undefined) => `${nodeOptions ?? ""} --require ${JSON.stringify(PRELOAD)}`.trim();
