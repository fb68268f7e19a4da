import { withUser } from "@/lib/api/with-user";
import { deleteAccount } from "@/lib/account/delete-account";
import { getProfile, updateProfile } from "@/lib/account/profile";
import { accountDeleteSchema, profileUpdateSchema } from "@/lib/account/schemas";

export const GET = withUser({}, ({ principal }) => getProfile(principal.userId));

export const PATCH = withUser({ body: profileUpdateSchema }, ({ principal, body }) => updateProfile(principal.userId, body));

// Refused with 409 while the user is the only owner of an org that has other members.
// Also needs a recent sign-in or password.
export const DELETE = withUser({ body: accountDeleteSchema, recentAuth: true }, ({ principal, body, request }) => deleteAccount(principal.userId, body, request));
