import { withUser } from "@/lib/api/with-user";
import { clientIp } from "@/lib/auth/client-ip";
import { deleteAccount } from "@/lib/account/delete-account";
import { getProfile, updateProfile } from "@/lib/account/profile";
import { accountDeleteSchema, profileUpdateSchema } from "@/lib/account/schemas";

export const GET = withUser({}, ({ principal }) => getProfile(principal.userId));

export const PATCH = withUser({ body: profileUpdateSchema }, ({ principal, body }) => updateProfile(principal.userId, body));

// Refused with 409 while the user is the only owner of an org that has other members.
export const DELETE = withUser({ body: accountDeleteSchema }, ({ principal, body, req }) =>
  deleteAccount(principal.userId, body, { ip: clientIp(req.headers), userAgent: req.headers.get("user-agent")?.slice(0, 512) ?? undefined }),
);
