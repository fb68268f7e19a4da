import { withUser } from "@/lib/api/with-user";
import { deleteAccount } from "@/lib/account/delete-account";
import { getProfile, updateProfile } from "@/lib/account/profile";
import { accountDeleteSchema, accountDeletionSchema, profileSchema, profileUpdateSchema } from "@/lib/account/schemas";

export const GET = withUser({ summary: "Get your profile", response: profileSchema }, ({ principal }) => getProfile(principal.userId));

export const PATCH = withUser({ summary: "Update your profile", body: profileUpdateSchema, response: profileSchema }, ({ principal, body }) =>
  updateProfile(principal.userId, body),
);

// Refused with 409 while the user is the only owner of an org that has other members.
// Also needs a recent sign-in or password.
export const DELETE = withUser(
  { summary: "Delete your account", body: accountDeleteSchema, response: accountDeletionSchema, recentAuth: true, errors: ["conflict"] },
  ({ principal, body, request }) => deleteAccount(principal.userId, body, request),
);
