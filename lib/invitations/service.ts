import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tenant-transaction";
import { AppError, notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import { afterCursor, keysetOrder, MAX_PAGE_SIZE, toPage, type PageQuery } from "@/lib/db/keyset-page";
import { outranksOrEquals } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";
import { queueSeatSync } from "@/lib/billing/seat-sync";
import { assertSeatsAvailable, seatUsage } from "@/lib/members/seats";
import { personActing, type OrgContext } from "@/lib/orgs/context";
import { rateLimit, rateLimitHeaders } from "@/lib/rate-limit";
import { inviterName, queueInvitationEmail } from "./email";
import { invitationState } from "./lookup";
import type { InvitationCreateInput, InvitationDto, InvitationList } from "./schemas";
import { issueInvitationToken } from "./token";

const select = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  lastSentAt: true,
  sendCount: true,
  createdAt: true,
  invitedBy: { select: { name: true, email: true } },
} satisfies Prisma.InvitationSelect;

type Row = Prisma.InvitationGetPayload<{ select: typeof select }>;

function toDto(row: Row, now = new Date()): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: invitationState(row, now) === "expired" ? "expired" : "pending",
    invitedBy: row.invitedBy,
    expiresAt: row.expiresAt.toISOString(),
    lastSentAt: row.lastSentAt.toISOString(),
    sendCount: row.sendCount,
    createdAt: row.createdAt.toISOString(),
  };
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

function assertMayGrant(ctx: OrgContext, role: Role, action: "send" | "resend" | "revoke") {
  if (!outranksOrEquals(ctx.role, role)) {
    throw new AppError("forbidden", `Your role (${ctx.role}) cannot ${action} invitations for the ${role} role. Ask an owner.`);
  }
}

type Address = { email: string; index: number };
type Refusal = Address & { reason: "member" | "invited" };

/** Each address once, remembering where the caller put it so errors point there. */
function uniqueAddresses(emails: string[]): Address[] {
  const seen = new Set<string>();
  return emails.flatMap((email, index) => (seen.has(email) ? [] : (seen.add(email), [{ email, index }])));
}

/** Addresses that cannot be invited: members, and holders of an open invitation (resend that instead). */
async function refusedAddresses(ctx: OrgContext, tx: Tx, addresses: Address[]): Promise<Refusal[]> {
  const emails = addresses.map((a) => a.email);
  const members = await tx.membership.findMany({
    where: { orgId: ctx.org.id, user: { email: { in: emails, mode: "insensitive" } } },
    select: { user: { select: { email: true } } },
  });
  const open = await tx.invitation.findMany({
    where: { orgId: ctx.org.id, acceptedAt: null, revokedAt: null, email: { in: emails, mode: "insensitive" } },
    select: { email: true },
  });
  const memberEmails = new Set(members.map((m) => m.user.email.toLowerCase()));
  const invitedEmails = new Set(open.map((i) => i.email.toLowerCase()));
  return addresses.flatMap((a): Refusal[] => {
    if (memberEmails.has(a.email)) return [{ ...a, reason: "member" }];
    return invitedEmails.has(a.email) ? [{ ...a, reason: "invited" }] : [];
  });
}

const listed = (emails: string[]) => (emails.length <= 3 ? emails.join(", ") : `${emails.slice(0, 3).join(", ")} and ${emails.length - 3} more`);

/** One 409 naming every refused address, each also at its position in `errors`. */
function refusalError(ctx: OrgContext, refusals: Refusal[]): AppError {
  const members = refusals.filter((r) => r.reason === "member").map((r) => r.email);
  const invited = refusals.filter((r) => r.reason === "invited").map((r) => r.email);
  const sentences: string[] = [];
  if (members.length > 0) {
    sentences.push(`${listed(members)} ${members.length === 1 ? "is already a member" : "are already members"} of ${ctx.org.name}.`);
  }
  if (invited.length > 0) {
    const one = invited.length === 1;
    sentences.push(`${listed(invited)} already ${one ? "has an invitation" : "have invitations"}: resend ${one ? "it" : "them"} from the pending invitations instead.`);
  }
  sentences.push("Nobody was invited; remove these addresses and try again.");
  return new AppError("conflict", sentences.join(" "), {
    errors: refusals.map(({ email, index, reason }) => ({
      path: `emails.${index}`,
      message: reason === "member" ? `${email} is already a member` : `${email} already has an invitation; resend it instead`,
    })),
  });
}

/**
 * Invites every address with one role, all or nothing: a refused address (existing
 * member, already invited, over the seat limit, a role above the inviter's) writes nothing.
 */
export async function createInvitations(ctx: OrgContext, tx: Tx, input: InvitationCreateInput): Promise<{ data: InvitationDto[] }> {
  assertMayGrant(ctx, input.role, "send");
  await assertVerifiedSender(ctx, tx);
  await assertSendAllowed(personActing(ctx).userId);
  const addresses = uniqueAddresses(input.emails);
  const refused = await refusedAddresses(ctx, tx, addresses);
  if (refused.length > 0) throw refusalError(ctx, refused);
  await assertSeatsAvailable(ctx, tx, addresses.length);

  const inviter = await inviterName(ctx, tx);
  const data: InvitationDto[] = [];
  for (const { email } of addresses) {
    const { token, tokenHash, expiresAt } = issueInvitationToken();
    const row = await tx.invitation
      .create({ data: { orgId: ctx.org.id, email, role: input.role, tokenHash, expiresAt, invitedById: ctx.actor.userId }, select })
      .catch((e: unknown) => {
        // Another request invited the same address between our check and this insert.
        if (isUniqueViolation(e)) throw new AppError("conflict", `${email} was invited a moment ago. Resend that invitation instead.`);
        throw e;
      });
    await recordAudit(ctx, tx, {
      action: "invitation.created",
      target: { type: "invitation", id: row.id, label: email },
      changes: { after: { email, role: input.role, expiresAt: expiresAt.toISOString() } },
    });
    await queueInvitationEmail(ctx, tx, inviter, row, token);
    data.push(toDto(row));
  }
  await queueSeatSync(tx, ctx.org.id);
  return { data };
}

/** Invitations still waiting for an answer (expired ones flagged), newest first, a page at a time, and the seat count. */
export async function listInvitations(ctx: OrgContext, tx: Tx, page: PageQuery = { limit: MAX_PAGE_SIZE }): Promise<InvitationList> {
  const rows = await tx.invitation.findMany({
    where: { orgId: ctx.org.id, acceptedAt: null, revokedAt: null, ...afterCursor(page.cursor, "desc") },
    orderBy: keysetOrder("desc"),
    select,
    take: page.limit + 1,
  });
  const seats = await seatUsage(ctx, tx);
  const now = new Date();
  return { ...toPage(rows, page.limit, (row) => toDto(row, now)), seats };
}

/** An invitation of this org that is still open; accepted and revoked ones are history. */
async function findOpen(ctx: OrgContext, tx: Tx, id: string): Promise<Row> {
  const row = await tx.invitation.findFirst({ where: { id, orgId: ctx.org.id }, select });
  if (!row || row.revokedAt) throw notFound("Invitation");
  if (row.acceptedAt) throw new AppError("conflict", `${row.email} has already accepted this invitation.`);
  return row;
}

/**
 * Invitations go out in the sender's name to people who trust it: an account whose address
 * nobody has proven (anyone can sign up with someone else's) must not send them.
 */
async function assertVerifiedSender(ctx: OrgContext, tx: Tx) {
  const sender = await tx.user.findUnique({ where: { id: personActing(ctx).userId }, select: { emailVerified: true } });
  if (!sender?.emailVerified) {
    throw new AppError("forbidden", "Verify your email address before inviting people: open the verification link we emailed you, then try again.");
  }
}

/** Per sender, across orgs: a second org does not buy a second budget. */
async function assertSendAllowed(userId: string) {
  const result = await rateLimit("invite:send", userId);
  if (result.success) return;
  throw new AppError("rate_limited", "You have sent many invitations in the last hour. Wait a while before sending more.", {
    headers: rateLimitHeaders(result),
  });
}

async function assertResendAllowed(id: string) {
  const result = await rateLimit("invite:resend", id);
  if (result.success) return;
  throw new AppError("rate_limited", "This invitation has been sent several times in the last hour. Wait a while before sending it again.", {
    headers: rateLimitHeaders(result),
  });
}

/**
 * Sends the invitation again with a new link: the old token stops working, the expiry
 * starts over. An expired invitation takes a seat again, so it needs a free one.
 */
export async function resendInvitation(ctx: OrgContext, tx: Tx, id: string): Promise<InvitationDto> {
  const before = await findOpen(ctx, tx, id);
  assertMayGrant(ctx, before.role, "resend");
  await assertVerifiedSender(ctx, tx);
  if (invitationState(before) === "expired") await assertSeatsAvailable(ctx, tx, 1);
  await assertResendAllowed(id);

  const { token, tokenHash, expiresAt } = issueInvitationToken();
  const row = await tx.invitation.update({
    where: { id: before.id, orgId: ctx.org.id },
    data: { tokenHash, expiresAt, lastSentAt: new Date(), sendCount: { increment: 1 } },
    select,
  });
  await recordAudit(ctx, tx, {
    action: "invitation.resent",
    target: { type: "invitation", id, label: row.email },
    changes: { before: { expiresAt: before.expiresAt.toISOString() }, after: { expiresAt: row.expiresAt.toISOString(), sendCount: row.sendCount } },
  });
  await queueInvitationEmail(ctx, tx, await inviterName(ctx, tx), row, token);
  // An expired invitation held no seat; renewed, it holds one again.
  if (invitationState(before) === "expired") await queueSeatSync(tx, ctx.org.id);
  return toDto(row);
}

/** Withdraws an invitation: its link stops working and its seat is free again. */
export async function revokeInvitation(ctx: OrgContext, tx: Tx, id: string): Promise<void> {
  const before = await findOpen(ctx, tx, id);
  assertMayGrant(ctx, before.role, "revoke");
  await tx.invitation.update({ where: { id: before.id, orgId: ctx.org.id }, data: { revokedAt: new Date() } });
  await recordAudit(ctx, tx, {
    action: "invitation.revoked",
    target: { type: "invitation", id, label: before.email },
    changes: { before: { email: before.email, role: before.role } },
  });
  await queueSeatSync(tx, ctx.org.id);
}
