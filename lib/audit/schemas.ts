import { z } from "zod";
import { boundedDayOrInstantSchema } from "@/lib/db/bounded-date";
import { cursorSchema } from "@/lib/db/cursor";
import { AUDIT_ACTIONS } from "./actions";

/** Query strings send `?action=` for "any"; treat a blank value as absent. */
const blankAsAbsent = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const search = z
  .string()
  .trim()
  .max(200, "must be at most 200 characters")
  .transform((v) => v || undefined);

const filterShape = {
  action: blankAsAbsent(z.enum(AUDIT_ACTIONS, { error: "is not a known action" })),
  /** Matches the actor's label (their email) in part, or their id exactly. */
  actor: blankAsAbsent(search),
  /** Matches the target's label in part, or its id exactly. */
  target: blankAsAbsent(search),
  /** A calendar day (the whole UTC day) or an exact instant with an offset, years 1–9999. */
  from: blankAsAbsent(boundedDayOrInstantSchema),
  to: blankAsAbsent(boundedDayOrInstantSchema),
};

const isDay = (v: string) => v.length === 10;

/** The first instant `from` includes and the first instant after `to` (a day bound covers the whole day). */
export function createdAtRange(filters: { from?: string; to?: string }): { gte?: Date; lt?: Date } | undefined {
  if (!filters.from && !filters.to) return undefined;
  const range: { gte?: Date; lt?: Date } = {};
  if (filters.from) range.gte = new Date(isDay(filters.from) ? `${filters.from}T00:00:00.000Z` : filters.from);
  if (filters.to) {
    const end = new Date(isDay(filters.to) ? `${filters.to}T00:00:00.000Z` : filters.to);
    range.lt = isDay(filters.to) ? new Date(end.getTime() + 86_400_000) : new Date(end.getTime() + 1);
  }
  return range;
}

const orderedRange = (v: { from?: string; to?: string }) => {
  const range = createdAtRange(v);
  return !range?.gte || !range.lt || range.gte < range.lt;
};
const rangeIssue = { path: ["to"], message: "must not be before the start date" };

export const auditFiltersSchema = z.object(filterShape).refine(orderedRange, rangeIssue);

export const auditListQuerySchema = z
  .object({
    ...filterShape,
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine(orderedRange, rangeIssue);

export type AuditFilters = z.infer<typeof auditFiltersSchema>;
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

/** What `changes` holds (lib/audit/record.ts); rows that do not match are shown without it. */
export const auditChangesSchema = z.object({
  before: z.record(z.string(), z.unknown()).optional(),
  after: z.record(z.string(), z.unknown()).optional(),
});

export const auditEventSchema = z.object({
  id: z.string(),
  /** One of the actions the `action` filter takes; older rows may hold actions since renamed. */
  action: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }),
  target: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
  changes: auditChangesSchema.nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const auditPageSchema = z.object({ data: z.array(auditEventSchema), nextCursor: z.string().nullable() });

export type AuditEventDto = z.infer<typeof auditEventSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The export: a CSV file, one event per row, newest first (header row included). */
export const auditCsvSchema = z.string().meta({ contentMediaType: "text/csv", description: "CSV with a header row: one audit event per line, newest first." });
