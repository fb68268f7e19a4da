import { z } from "zod";

export const memberParamsSchema = z.object({ userId: z.string().regex(/^[a-z0-9]{20,40}$/, "is not a valid user id") });

export const memberRoleSchema = z.object({ role: z.enum(["owner", "admin", "member", "viewer"]) });
