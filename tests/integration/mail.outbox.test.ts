import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { importWithEnv } from "../support/import-with-env";

const loadMail = (vars: Record<string, string>) =>
  importWithEnv({ RESEND_API_KEY: "", APP_NAME: "Acme Cloud", ...vars }, async () => ({
    ...(await import("@/lib/mail")),
    ...(await import("@/lib/mail/outbox")),
    ...(await import("@/lib/mail/templates/magic-link")),
    ...(await import("@/lib/log")),
  }));

const link = (n: number) => `http://localhost:3000/api/auth/callback/email?token=t${n}&email=ada%40example.com`;
const expires = () => new Date(Date.now() + 15 * 60_000);

describe("mail without RESEND_API_KEY", () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "tenantkit-outbox-"));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("writes to the dev outbox file and logs recipient, subject and text", async () => {
    const { sendMail, readOutbox, magicLinkEmail, log } = await loadMail({ DATA_DIR: dataDir, APP_ENV: "local" });
    const info = vi.spyOn(log, "info").mockImplementation(() => {});

    const sent = await sendMail("Ada@Example.com", magicLinkEmail({ url: link(1), expires: expires() }));

    expect(sent.delivery).toBe("outbox");
    const lines = (await readFile(path.join(dataDir, "outbox.jsonl"), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(1);
    const [entry] = await readOutbox({ to: "ada@example.com" });
    expect(entry).toMatchObject({ id: sent.id, to: "Ada@Example.com", subject: "Sign in to Acme Cloud" });
    expect(entry?.text).toContain(link(1));
    expect(entry?.html).toContain("<html");
    expect(info).toHaveBeenCalledWith(
      "mail written to the dev outbox",
      expect.objectContaining({ to: "Ada@Example.com", subject: "Sign in to Acme Cloud", text: expect.stringContaining(link(1)) }),
    );
  });

  it("reads newest first, filtered by recipient and limited", async () => {
    const { sendMail, readOutbox, magicLinkEmail, log } = await loadMail({ DATA_DIR: dataDir, APP_ENV: "local" });
    vi.spyOn(log, "info").mockImplementation(() => {});
    for (const [n, to] of [[1, "ada@example.com"], [2, "bob@example.com"], [3, "ada@example.com"], [4, "ada@example.com"]] as const) {
      await sendMail(to, magicLinkEmail({ url: link(n), expires: expires() }));
    }

    const forAda = await readOutbox({ to: "ada@example.com" });
    expect(forAda.map((m) => m.text.includes(link(4)))).toEqual([true, false, false]);
    expect(forAda.map((m) => m.to)).toEqual(["ada@example.com", "ada@example.com", "ada@example.com"]);
    expect(await readOutbox({ limit: 2 })).toHaveLength(2);
    expect((await readOutbox())[1]?.to).toBe("ada@example.com");
    expect((await readOutbox())[2]?.to).toBe("bob@example.com");
  });

  it("returns an empty outbox before anything was sent", async () => {
    const { readOutbox } = await loadMail({ DATA_DIR: dataDir, APP_ENV: "local" });
    expect(await readOutbox()).toEqual([]);
  });

  it("in production writes nothing, logs an error without the link and throws", async () => {
    const { sendMail, magicLinkEmail, MailError, log } = await loadMail({ DATA_DIR: dataDir, APP_ENV: "production" });
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    const info = vi.spyOn(log, "info").mockImplementation(() => {});

    const sending = sendMail("ada@example.com", magicLinkEmail({ url: link(1), expires: expires() }));

    await expect(sending).rejects.toBeInstanceOf(MailError);
    await expect(sending).rejects.toMatchObject({ code: "not_configured" });
    expect(existsSync(path.join(dataDir, "outbox.jsonl"))).toBe(false);
    expect(error).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(error.mock.calls)).not.toContain("token=");
    expect(info).not.toHaveBeenCalled();
  });
});
