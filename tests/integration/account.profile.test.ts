import { describe, expect, it } from "vitest";
import type { Profile } from "@/lib/account/profile";
import { db } from "@/lib/db/client";
import { createUser } from "../support/factories";
import { client } from "../support/http";

describe("profile", () => {
  it("returns the signed-in user's profile, never the password hash", async () => {
    const user = await createUser("Ada Lovelace");
    const res = await client(user).get<Profile>("/api/v1/me");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, name: "Ada Lovelace", email: user.email, hasPassword: true, providers: [], pendingEmailChange: null });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|argon2/);
  });

  it("renames the user, trimmed, and refuses an empty or overlong name", async () => {
    const user = await createUser("Grace");
    const api = client(user);
    const renamed = await api.patch<Profile>("/api/v1/me", { name: "  Grace Hopper " });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Grace Hopper");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Grace Hopper");

    for (const name of ["   ", "x".repeat(101)]) {
      const bad = await api.patch<{ errors: { path: string }[] }>("/api/v1/me", { name });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e) => e.path)).toEqual(["name"]);
    }
    // Only the name is writable here: the email moves through its confirmation link.
    const sneaky = await api.patch<Profile>("/api/v1/me", { name: "Grace", email: "other@example.test" });
    expect(sneaky.body.email).toBe(user.email);
  });

  it("needs a session, and a same-origin browser for writes", async () => {
    expect((await client().get("/api/v1/me")).status).toBe(401);
    const user = await createUser("Cross Site");
    const crossSite = await client(user).patch("/api/v1/me", { name: "Mallory" }, { headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Cross Site");
  });
});
