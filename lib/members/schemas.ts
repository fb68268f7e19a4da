import { z } from "zod";
import { Role } from "@/lib/db/generated/enums";
import { MAX_PAGE_SIZE, pageQuerySchema, pageSchema } from "@/lib/db/keyset-page";

const userIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, "is not a valid user id");

/** The dashboard shows the whole roster: a page as large as allowed by default. */
export const memberListQuerySchema = pageQuerySchema(MAX_PAGE_SIZE);

export const memberParamsSchema = z.object({ userId: userIdSchema });

export const memberRoleSchema = z.object({ role: z.enum(Role) });

export const transferOwnershipSchema = z.object({ userId: userIdSchema });

export const memberSchema = z
  .object({
    userId: z.string(),
    name: z.string().nullable(),
    email: z.string(),
    image: z.string().nullable(),
    role: z.enum(Role),
    joinedAt: z.iso.datetime(),
  })
  .meta({
    examples: [{ userId: "cm3x7jz1w0000qz8f9c3a1b2c", name: "Ada Lovelace", email: "ada@example.com", image: null, role: "owner", joinedAt: "2026-10-01T08:00:00.000Z" }],
  });

/** The members list, and what an ownership transfer answers with (everyone's role after it). */
export const memberListSchema = pageSchema(memberSchema);

export type MemberDto = z.infer<typeof memberSchema>;
