import { z } from "zod";
import { Role } from "@/lib/db/generated/enums";
import { MAX_PAGE_SIZE, pageQuerySchema } from "@/lib/db/keyset-page";

const userIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, "is not a valid user id");

/** The dashboard shows the whole roster: a page as large as allowed by default. */
export const memberListQuerySchema = pageQuerySchema(MAX_PAGE_SIZE);

export const memberParamsSchema = z.object({ userId: userIdSchema });

export const memberRoleSchema = z.object({ role: z.enum(Role) });

export const transferOwnershipSchema = z.object({ userId: userIdSchema });
