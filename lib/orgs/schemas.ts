import { z } from "zod";
import { Role } from "@/lib/db/generated/enums";
import { MAX_PAGE_SIZE, pageQuerySchema, pageSchema } from "@/lib/db/keyset-page";
import { slugSchema } from "./slug";

export const orgNameSchema = z.string().trim().min(1, "is required").max(80, "must be at most 80 characters");

export const orgListQuerySchema = pageQuerySchema(MAX_PAGE_SIZE);

export const orgCreateSchema = z.object({
  name: orgNameSchema,
  slug: slugSchema.optional(),
});

export const orgUpdateSchema = z
  .object({ name: orgNameSchema.optional(), slug: slugSchema.optional(), requireTwoFactor: z.boolean().optional() })
  .refine((v) => v.name !== undefined || v.slug !== undefined || v.requireTwoFactor !== undefined, "Provide a name, a slug or requireTwoFactor to change.");

export type OrgCreateInput = z.infer<typeof orgCreateSchema>;
export type OrgUpdateInput = z.infer<typeof orgUpdateSchema>;

/** An org as its member sees it, with their role in it. */
export const orgSummarySchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), personal: z.boolean(), role: z.enum(Role) })
  .meta({ examples: [{ id: "cm3x7k0aa0002qz8fb7e4c9d0", slug: "acme", name: "Acme Inc.", personal: false, role: "owner" }] });

export const orgListSchema = pageSchema(orgSummarySchema);

/** One org, with its security policy. */
export const orgSchema = orgSummarySchema.extend({ requireTwoFactor: z.boolean() });

export type OrgSummary = z.infer<typeof orgSummarySchema>;
