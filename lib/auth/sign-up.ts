import { Prisma } from "@/lib/db/generated/client";
import { asAuthRole, scoped } from "@/lib/db/tenant-transaction";
import { AppError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { joinThroughInvitation, pendingInvitation, sameEmail } from "@/lib/invitations/accept";
import { queueMail } from "@/lib/mail/queue";
import { queueEmailVerification } from "./email-verification";
import { hashPassword } from "./password";
import { createPersonalOrgInTx } from "./personal-org";
import type { SignUpInput, SignUpResult } from "./schemas";
import type { RequestMeta } from "@/lib/orgs/context";

/**
 * What sign-up answers. A new address and one that already has an account get the same
 * `verification_sent` (the owner of a taken address gets an email instead), so sign-up
 * cannot be used to find out who has an account. Only an invitation link, which proved
 * the address, signs up straight into its org.
 */
export type { SignUpResult } from "./schemas";

const signInUrl = () => new URL("/sign-in", env.APP_URL).toString();

/**
 * Creates the user and, in the same transaction, the org they land in: the one an
 * invitation link (`inviteToken`) opens, else a personal one. Never a user without an org.
 */
export async function signUpWithPassword(input: SignUpInput, request: RequestMeta = {}): Promise<SignUpResult> {
  // Hashed for taken addresses too, so both answers take the same time.
  const passwordHash = await hashPassword(input.password);
  const sent: SignUpResult = { status: "verification_sent", email: input.email };
  try {
    return await scoped({}, async (tx) => {
      // Checked before the user exists, so a refused invitation creates nothing.
      const invitation = input.inviteToken ? await pendingInvitation(tx, input.inviteToken, "inviteToken") : null;
      if (invitation && !sameEmail(invitation.email, input.email)) {
        throw new AppError("forbidden", `This invitation was sent to ${invitation.email}. Sign up with that address to accept it.`, {
          errors: [{ path: "email", message: `must be ${invitation.email}, the address the invitation was sent to` }],
        });
      }
      const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (taken) {
        await queueMail(tx, { to: input.email, template: "account-exists", props: { signInUrl: signInUrl(), reason: "sign-up" } });
        return sent;
      }
      const user = await tx.user.create({
        // Following the emailed invitation proved the address, so it counts as verified.
        data: { name: input.name, email: input.email, emailVerified: invitation ? new Date() : null },
        select: { id: true, name: true, email: true, emailVerified: true },
      });
      await asAuthRole(tx, () => tx.userCredential.createMany({ data: [{ userId: user.id, passwordHash }] }));
      if (invitation) {
        const { org } = await joinThroughInvitation(tx, invitation, user, request);
        return { status: "signed_up", email: user.email, org: { slug: org.slug, name: org.name } };
      }
      await createPersonalOrgInTx(tx, user, request);
      await queueEmailVerification(tx, user);
      return sent;
    });
  } catch (e) {
    // A sign-up racing another for the same address: the same answer as any taken address.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return sent;
    throw e;
  }
}
