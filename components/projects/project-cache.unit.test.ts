import { describe, expect, it } from "vitest";
import { queryKeys } from "@/lib/query-keys";
import { projectStatusSchema } from "@/lib/projects/schemas";
import { isProjectStatus, PROJECT_STATUSES } from "@/lib/projects/statuses";
import { filtersOfKey, matchesFilters } from "./project-cache";

describe("filtersOfKey", () => {
  it("reads back the filters a list's key was built with", () => {
    expect(filtersOfKey(queryKeys.projectList("acme", { q: "launch", status: "paused" }))).toEqual({ q: "launch", status: "paused" });
    expect(filtersOfKey(queryKeys.projectList("acme", { status: "archived" }))).toEqual({ q: undefined, status: "archived" });
  });

  it("counts anything else in the key as no filter", () => {
    expect(filtersOfKey(queryKeys.projectList("acme", {}))).toEqual({ q: undefined, status: undefined });
    expect(filtersOfKey(queryKeys.projectLists("acme"))).toEqual({});
    expect(filtersOfKey(["orgs", "acme", "projects", "list", { q: "", status: "deleted" }])).toEqual({ q: undefined, status: undefined });
    expect(filtersOfKey(["orgs", "acme", "projects", "list", { q: 7, status: null }])).toEqual({ q: undefined, status: undefined });
  });

  it("gives filters that select what the list's filters select", () => {
    const project = { name: "Launch plan", description: "", status: "paused" as const };
    expect(matchesFilters(project, filtersOfKey(queryKeys.projectList("acme", { q: "launch", status: "paused" })))).toBe(true);
    expect(matchesFilters(project, filtersOfKey(queryKeys.projectList("acme", { status: "active" })))).toBe(false);
  });
});

describe("isProjectStatus", () => {
  it("accepts exactly what the API's status schema accepts", () => {
    for (const value of [...PROJECT_STATUSES, "Active", "", "deleted", null, undefined, 1]) {
      expect(isProjectStatus(value), String(value)).toBe(projectStatusSchema.safeParse(value).success);
    }
  });
});
