import type { AuditAction } from "@/lib/audit/actions";
import type { BadgeTone } from "@/components/ui/badge";

type Group = "org" | "members" | "invitations" | "projects" | "api_keys" | "webhooks" | "billing";

const ACTIONS: Record<AuditAction, { label: string; group: Group }> = {
  "org.created": { label: "Created organization", group: "org" },
  "org.updated": { label: "Updated settings", group: "org" },
  "org.deleted": { label: "Deleted organization", group: "org" },
  "member.joined": { label: "Joined", group: "members" },
  "member.role_changed": { label: "Changed role", group: "members" },
  "member.removed": { label: "Removed member", group: "members" },
  "member.left": { label: "Left", group: "members" },
  "ownership.transferred": { label: "Transferred ownership", group: "members" },
  "invitation.created": { label: "Invited", group: "invitations" },
  "invitation.resent": { label: "Resent invitation", group: "invitations" },
  "invitation.revoked": { label: "Revoked invitation", group: "invitations" },
  "invitation.accepted": { label: "Accepted invitation", group: "invitations" },
  "project.created": { label: "Created project", group: "projects" },
  "project.updated": { label: "Updated project", group: "projects" },
  "project.deleted": { label: "Deleted project", group: "projects" },
  "api_key.created": { label: "Created API key", group: "api_keys" },
  "api_key.revoked": { label: "Revoked API key", group: "api_keys" },
  "webhook.created": { label: "Added webhook endpoint", group: "webhooks" },
  "webhook.updated": { label: "Updated webhook endpoint", group: "webhooks" },
  "webhook.deleted": { label: "Deleted webhook endpoint", group: "webhooks" },
  "webhook.secret_rotated": { label: "Rotated webhook secret", group: "webhooks" },
  "webhook.disabled": { label: "Disabled webhook endpoint", group: "webhooks" },
  "billing.checkout_started": { label: "Started checkout", group: "billing" },
  "billing.portal_opened": { label: "Opened billing portal", group: "billing" },
  "billing.cancellation_scheduled": { label: "Cancelled subscription at period end", group: "billing" },
  "billing.cancellation_withdrawn": { label: "Resumed subscription", group: "billing" },
  "subscription.changed": { label: "Subscription changed", group: "billing" },
  "billing.seats_synced": { label: "Synced seats", group: "billing" },
  "billing.reconciled": { label: "Reconciled with Stripe", group: "billing" },
};

const GROUPS: Record<Group, { label: string; tone: BadgeTone }> = {
  org: { label: "Organization", tone: "violet" },
  members: { label: "Members", tone: "indigo" },
  invitations: { label: "Invitations", tone: "sky" },
  projects: { label: "Projects", tone: "green" },
  api_keys: { label: "API keys", tone: "neutral" },
  webhooks: { label: "Webhooks", tone: "neutral" },
  billing: { label: "Billing", tone: "amber" },
};

const known = (action: string): action is AuditAction => Object.hasOwn(ACTIONS, action);

/** The action filter's options, grouped as the select shows them. */
export const ACTION_OPTIONS = (Object.keys(GROUPS) as Group[]).map((group) => ({
  label: GROUPS[group].label,
  actions: (Object.keys(ACTIONS) as AuditAction[]).filter((a) => ACTIONS[a].group === group).map((value) => ({ value, label: ACTIONS[value].label })),
}));

/** "Changed role" for `member.role_changed`; an action this build does not know shows as stored. */
export const actionLabel = (action: string) => (known(action) ? ACTIONS[action].label : action);

export const actionTone = (action: string): BadgeTone => (known(action) ? GROUPS[ACTIONS[action].group].tone : "neutral");

const TARGET_TYPES: Record<string, string> = { org: "Organization", member: "Member", invitation: "Invitation", project: "Project", api_key: "API key" };

export const targetTypeLabel = (type: string) => TARGET_TYPES[type] ?? type;
