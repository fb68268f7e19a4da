import { z } from "zod";

/**
 * Dates every layer can hold: JS Dates reach year 275760 and Postgres timestamps 294276,
 * but Postgres has no year 0 and four-digit ISO years stop at 9999. Inputs outside years
 * 1–9999 would fail the query (a 500) or print differently than they were sent.
 */
export const MIN_DATE = new Date("0001-01-01T00:00:00.000Z");
export const MAX_DATE = new Date("9999-12-31T23:59:59.999Z");

export function isBoundedDate(date: Date): boolean {
  const time = date.getTime();
  return !Number.isNaN(time) && time >= MIN_DATE.getTime() && time <= MAX_DATE.getTime();
}

const RANGE_MESSAGE = "must be between years 1 and 9999";

/** A calendar day, `YYYY-MM-DD`, read as that UTC day. */
export const boundedDaySchema = z.iso.date().refine((v) => isBoundedDate(new Date(`${v}T00:00:00.000Z`)), RANGE_MESSAGE);

/** An exact instant with `Z` or an offset; the offset may not carry it out of range. */
export const boundedInstantSchema = z.iso.datetime({ offset: true }).refine((v) => isBoundedDate(new Date(v)), RANGE_MESSAGE);

/** Either form, for filters that take a day or an instant. */
export const boundedDayOrInstantSchema = z.union([boundedDaySchema, boundedInstantSchema], {
  error: "must be a date (YYYY-MM-DD) or an ISO date-time",
});
