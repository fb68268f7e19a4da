import { describe, expect, it } from "vitest";
import { postgresErrorCode, SQLSTATE } from "./postgres-error";

// The two shapes Prisma 7's pg adapter gives a Postgres error (checked against a real raise).
const adapterError = (code: string) => Object.assign(new Error("raised"), { name: "DriverAdapterError", cause: { kind: "postgres", code, originalCode: code } });

describe("postgresErrorCode", () => {
  it("reads the SQLSTATE of an error raised at COMMIT", () => {
    expect(postgresErrorCode(adapterError(SQLSTATE.orgWithoutOwner))).toBe("TK001");
  });

  it("reads the SQLSTATE of a failed query, wrapped in a known request error", () => {
    const wrapped = Object.assign(new Error("query failed"), { code: "P2010", meta: { driverAdapterError: adapterError("40P01") } });
    expect(postgresErrorCode(wrapped)).toBe(SQLSTATE.deadlockDetected);
  });

  it.each([null, undefined, "TK001", new Error("plain"), { cause: { kind: "sqlite", code: "TK001" } }])("finds none in %j", (error) => {
    expect(postgresErrorCode(error)).toBeUndefined();
  });
});
