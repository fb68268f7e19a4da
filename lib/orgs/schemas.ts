import { z } from "zod";
import { MAX_PAGE_SIZE, pageQuerySchema } from "@/lib/db/keyset-page";
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
