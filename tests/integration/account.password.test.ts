import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser, TEST_PASSWORD, type TestUser } from "../support/factories";
import { client } from "../support/http";

const NEW_PASSWORD = "a-brand-new-passphrase";

/** Email + password sign-in through next-auth's credentials callback, as the browser does it. */
async function signsIn(email: string, password: string): Promise<boolean> {
  const baseUrl = inject("baseUrl");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  return res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="));
}

const change = (user: TestUser, body: { currentPassword?: string; newPassword: string }) =>
  client(user).post<{ code?: string; errors?: { path: string }[] }>("/api/v1/me/password", body);

describe("changing the password", () => {
  it("refuses a wrong or missing current password and a weak new one, changing nothing", async () => {
    const user = await createUser("Careful");
    const wrong = await change(user, { currentPassword: "not-the-password", newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(403);
    expect(wrong.body.errors?.map((e) => e.path)).toEqual(["currentPassword"]);
    expect((await change(user, { newPassword: NEW_PASSWORD })).status).toBe(400);
    const weak = await change(user, { currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(weak.status).toBe(400);
    expect(weak.body.errors?.map((e) => e.path)).toEqual(["newPassword"]);

    expect((await client(user).get("/api/v1/me")).status).toBe(200);
    expect(await signsIn(user.email, TEST_PASSWORD)).toBe(true);
  });

  it("re-hashes, ends every existing session, and the new password signs in", async () => {
    const user = await createUser("Rotator");
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true, credential: true } });
    expect((await change(user, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true, credential: true } });
    expect(after.credential?.passwordHash).not.toBe(before.credential?.passwordHash);
    expect(after.credential?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);

    expect((await client(user).get("/api/v1/me")).status).toBe(401);
    expect(await signsIn(user.email, NEW_PASSWORD)).toBe(true);
    expect(await signsIn(user.email, TEST_PASSWORD)).toBe(false);
  });

  it("lets an account without a password set one, with no current password asked", async () => {
    const user = await createUser("Linked");
    await db.userCredential.update({ where: { userId: user.id }, data: { passwordHash: null } });
    expect(await signsIn(user.email, TEST_PASSWORD)).toBe(false);
    expect((await change(user, { newPassword: NEW_PASSWORD })).status).toBe(204);
    expect(await signsIn(user.email, NEW_PASSWORD)).toBe(true);
  });
});
