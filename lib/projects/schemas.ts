import { z } from "zod";
import { cursorSchema } from "@/lib/db/cursor";

export const PROJECT_STATUSES = ["active", "paused", "archived"] as const;
export const projectStatusSchema = z.enum(PROJECT_STATUSES);

const name = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");
const description = z.string().trim().max(2000, "must be at most 2000 characters");

export const projectCreateSchema = z.object({
  name,
  description: description.default(""),
  status: projectStatusSchema.default("active"),
});

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
export type ProjectDto = {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  createdAt: string;
  updatedAt: string;
  createdBy: { id: string; name: string | null } | null;
};

export type ProjectPage = { data: ProjectDto[]; nextCursor: string | null };
