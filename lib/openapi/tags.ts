/**
 * Operations are grouped by the resource their path names: the segment after
 * `/api/v1/orgs/[org]/` for tenant routes, else the one after `/api/v1/`. A resource
 * without an entry here fails the document test, so a new one gets a name and a line.
 */
export const TAGS = {
  Organizations: "Organizations the caller belongs to, and the one in the URL.",
  Projects: "The sample tenant resource: replace it with your product's own.",
  Members: "People in the organization and their roles.",
  Invitations: "Inviting people by email, and accepting an invitation.",
  "API keys": "Keys that call this API for the organization. Created and revoked by people, never by keys.",
  Webhooks: "Endpoints that receive the organization's events, signed, and the log of every delivery.",
  "Audit log": "What happened in the organization, who did it and from where.",
  Billing: "The plan, seats, usage and the Stripe pages to change them.",
  Account: "The signed-in person: profile, password, sessions, two-factor. Session cookie only.",
  "Sign-up": "Creating an account and verifying its email address.",
  Reference: "This document.",
} as const;

export type Tag = keyof typeof TAGS;

const RESOURCE_TAGS: Record<string, Tag> = {
  orgs: "Organizations",
  "transfer-ownership": "Members",
  projects: "Projects",
  members: "Members",
  invitations: "Invitations",
  "api-keys": "API keys",
  webhooks: "Webhooks",
  audit: "Audit log",
  billing: "Billing",
  usage: "Billing",
  me: "Account",
  signup: "Sign-up",
  "verify-email": "Sign-up",
  "openapi.json": "Reference",
};

/** The tag for a path, or undefined for a resource no tag covers yet. */
export function tagOf(path: string): Tag | undefined {
  const rest = path.replace(/^\/api\/v1\//, "").replace(/^orgs\/\[org\]\/?/, "");
  const resource = rest === "" ? "orgs" : rest.split("/")[0]!;
  return RESOURCE_TAGS[resource];
}
