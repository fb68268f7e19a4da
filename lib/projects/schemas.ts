import { z } from "zod";
import { cursorSchema } from "@/lib/db/cursor";
import { PROJECT_STATUSES } from "./statuses";

export { PROJECT_STATUSES };
export const projectStatusSchema = z.enum(PROJECT_STATUSES);

const name = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");
const description = z.string().trim().max(2000, "must be at most 2000 characters");

export const projectCreateSchema = z
  .object({
    name,
    description: description.default(""),
    status: projectStatusSchema.default("active"),
  })
  .meta({ examples: [{ name: "Website relaunch", description: "New marketing site for the spring launch." }] });

export const projectUpdateSchema = z
  .object({ name: name.optional(), description: description.optional(), status: projectStatusSchema.optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Provide at least one field to change.");

export const projectListQuerySchema = z.object({
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional().transform((v) => v || undefined),
  status: projectStatusSchema.optional(),
});

export const projectIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, "is not a valid project id");

export type ProjectCreateInput = z.infer<typeof projectCreateSchema>;
export type ProjectUpdateInput = z.infer<typeof projectUpdateSchema>;
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

/** What the API returns and the dashboard renders; dates are ISO strings on both paths. */
export const projectSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    status: projectStatusSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** Null when an API key created it, or its creator's account is gone. */
    createdBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  })
  .meta({
    examples: [
      {
        id: "cm3x7k2q90001qz8f4h2b6d1e",
        name: "Website relaunch",
        description: "New marketing site for the spring launch.",
        status: "active",
        createdAt: "2026-11-02T09:30:00.000Z",
        updatedAt: "2026-11-20T16:05:12.000Z",
        createdBy: { id: "cm3x7jz1w0000qz8f9c3a1b2c", name: "Ada Lovelace" },
      },
    ],
  });

/** A keyset page: pass `nextCursor` back as `cursor` for the next one; null on the last page. */
export const projectPageSchema = z.object({ data: z.array(projectSchema), nextCursor: z.string().nullable() });

export type ProjectDto = z.infer<typeof projectSchema>;
export type ProjectPage = z.infer<typeof projectPageSchema>;
