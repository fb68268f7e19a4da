import { Prisma } from "@/lib/db/generated/client";
import { scoped } from "@/lib/db/tenant-transaction";
import { AppError } from "@/lib/api/errors";
import { hashPassword } from "./password";
import { createPersonalOrgInTx } from "./personal-org";
import type { SignUpInput } from "./schemas";

const emailTaken = () =>
  new AppError("conflict", "An account with this email already exists. Sign in instead.", {
    errors: [{ path: "email", message: "is already registered" }],
  });

/** Creates the user and their personal org in one transaction: never a user without an org. */
export async function signUpWithPassword(input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await scoped({}, async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash },
        select: { id: true, name: true, email: true },
      });
      const org = await createPersonalOrgInTx(tx, user);
      return { user, org };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw emailTaken();
    throw e;
  }
}
