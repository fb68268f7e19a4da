import type { ReferenceOperation } from "@/lib/openapi/reference";

/** A curl command for the operation against `server`, with the example org `acme` and the example body. */
export function curlExample(op: ReferenceOperation, server: string): string {
  const path = op.path.replace("{org}", "acme");
  const lines = [`curl -X ${op.method} "${server}${path}"`];
  if (op.caller === "org") lines.push(`  -H "Authorization: Bearer $API_KEY"`);
  if (op.caller === "user") lines.push(`  -H "Cookie: next-auth.session-token=…"`);
  if (op.body) {
    lines.push(`  -H "Content-Type: application/json"`);
    lines.push(`  -d '${JSON.stringify(op.body.example)}'`);
  }
  return lines.join(" \\\n");
}
