import { z } from "zod";
import { Role } from "@/lib/db/generated/enums";

const userIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, "is not a valid user id");

export const memberParamsSchema = z.object({ userId: userIdSchema });

export const memberRoleSchema = z.object({ role: z.enum(Role) });

export const transferOwnershipSchema = z.object({ userId: userIdSchema });
