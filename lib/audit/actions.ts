/** Every audited action, `<target>.<verb>`. The audit page filters by these. */
export const AUDIT_ACTIONS = [
  "org.created",
  "org.updated",
  "org.deleted",
  "project.created",
  "project.updated",
  "project.deleted",
  "member.role_changed",
  "member.removed",
  "member.left",
  "member.joined",
  "ownership.transferred",
  "invitation.created",
  "invitation.resent",
  "invitation.revoked",
  "invitation.accepted",
  "api_key.created",
  "api_key.revoked",
  "webhook.created",
  "webhook.updated",
  "webhook.deleted",
  "webhook.secret_rotated",
  /** Recorded by the delivery job (actor type `system`) when repeated failures switched an endpoint off. */
  "webhook.disabled",
  "billing.checkout_started",
  "billing.portal_opened",
  "billing.cancellation_scheduled",
  "billing.cancellation_withdrawn",
  /** Recorded by Stripe's webhook (actor type `stripe`): plan, status or seats changed. */
  "subscription.changed",
  /** Recorded by the seat sync job (actor type `system`): the subscription quantity now follows the seats in use. */
  "billing.seats_synced",
  /** Recorded by the daily reconciliation (actor type `system`): stored billing state corrected from Stripe. */
  "billing.reconciled",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
