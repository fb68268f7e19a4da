import { Prisma } from "@/lib/db/generated/client";
import { scoped } from "@/lib/db/tenant-transaction";
import { AppError } from "@/lib/api/errors";
import { joinThroughInvitation, pendingInvitation, sameEmail } from "@/lib/invitations/accept";
import { hashPassword } from "./password";
import { createPersonalOrgInTx } from "./personal-org";
import type { SignUpInput } from "./schemas";
import type { RequestMeta } from "@/lib/orgs/context";

const emailTaken = () =>
  new AppError("conflict", "An account with this email already exists. Sign in instead.", {
    errors: [{ path: "email", message: "is already registered" }],
  });

/**
 * Creates the user and, in the same transaction, the org they land in: the one an
 * invitation link (`inviteToken`) opens, else a personal one. Never a user without an org.
 */
export async function signUpWithPassword(input: SignUpInput, request: RequestMeta = {}) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await scoped({}, async (tx) => {
      // Checked before the user exists, so a refused invitation creates nothing.
      const invitation = input.inviteToken ? await pendingInvitation(tx, input.inviteToken, "inviteToken") : null;
      if (invitation && !sameEmail(invitation.email, input.email)) {
        throw new AppError("forbidden", `This invitation was sent to ${invitation.email}. Sign up with that address to accept it.`, {
          errors: [{ path: "email", message: `must be ${invitation.email}, the address the invitation was sent to` }],
        });
      }
      const user = await tx.user.create({
        // Following the emailed link proved the address, so it counts as verified.
        data: { name: input.name, email: input.email, passwordHash, emailVerified: invitation ? new Date() : null },
        select: { id: true, name: true, email: true, emailVerified: true },
      });
      const org = invitation ? (await joinThroughInvitation(tx, invitation, user, request)).org : await createPersonalOrgInTx(tx, user, request);
      return { user: { id: user.id, name: user.name, email: user.email }, org };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw emailTaken();
    throw e;
  }
}
