import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { start, type FakeResend } from "../fakes/resend-server";
import { importWithEnv } from "../support/import-with-env";

const apiKey = "re_test_123";
const signInUrl = "http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fdashboard&token=abc123&email=ada%40example.com";

const loadMail = (vars: Record<string, string>) =>
  importWithEnv({ RESEND_API_KEY: apiKey, APP_NAME: "Acme Cloud", MAIL_FROM: "Acme <no-reply@acme.test>", ...vars }, async () => ({
    ...(await import("@/lib/mail")),
    ...(await import("@/lib/mail/templates/magic-link")),
  }));

describe("sendMail through Resend's SDK", () => {
  let resend: FakeResend;

  beforeAll(async () => {
    resend = await start({ apiKey });
  });
  afterAll(() => resend.stop());
  afterEach(() => {
    resend.messages.length = 0;
    vi.unstubAllEnvs();
  });

  it("delivers the magic-link email with its link in both parts", async () => {
    const { sendMail, magicLinkEmail } = await loadMail({ RESEND_BASE_URL: resend.url });
    const expires = new Date(Date.now() + 15 * 60_000);

    const sent = await sendMail("ada@example.com", magicLinkEmail({ url: signInUrl, expires }));

    expect(sent.delivery).toBe("resend");
    expect(resend.messages).toHaveLength(1);
    const [email] = resend.messages;
    expect(email).toMatchObject({ id: sent.id, apiKey, from: "Acme <no-reply@acme.test>", to: ["ada@example.com"], subject: "Sign in to Acme Cloud" });
    // In HTML the link is attribute-escaped; in text it is verbatim.
    expect(email?.html).toContain(`href="${signInUrl.replaceAll("&", "&amp;")}"`);
    expect(email?.html).toContain("Acme Cloud");
    expect(email?.text).toContain(signInUrl);
    expect(email?.text).toContain("expires in 15 minutes");
  });

  it("passes an idempotency key through, so a retried job sends once", async () => {
    const { sendMail, magicLinkEmail } = await loadMail({ RESEND_BASE_URL: resend.url });
    const message = magicLinkEmail({ url: signInUrl, expires: new Date(Date.now() + 60_000) });

    const first = await sendMail("ada@example.com", message, { idempotencyKey: "job-42" });
    const retry = await sendMail("ada@example.com", message, { idempotencyKey: "job-42" });

    expect(retry.id).toBe(first.id);
    expect(resend.messages).toHaveLength(1);
    expect(resend.messages[0]?.idempotencyKey).toBe("job-42");
  });

  it("throws a MailError with Resend's error name and status when Resend refuses", async () => {
    const { sendMail, magicLinkEmail, MailError } = await loadMail({ RESEND_BASE_URL: resend.url });
    resend.failNext({ statusCode: 422, name: "validation_error", message: "Invalid `to` field." });

    const sending = sendMail("ada@example.com", magicLinkEmail({ url: signInUrl, expires: new Date() }));

    await expect(sending).rejects.toBeInstanceOf(MailError);
    await expect(sending).rejects.toMatchObject({ code: "validation_error", statusCode: 422 });
    expect(resend.messages).toHaveLength(0);
  });

  it("throws a MailError for a refused API key", async () => {
    const { sendMail, magicLinkEmail } = await loadMail({ RESEND_BASE_URL: resend.url, RESEND_API_KEY: "re_revoked" });
    await expect(sendMail("ada@example.com", magicLinkEmail({ url: signInUrl, expires: new Date() }))).rejects.toMatchObject({
      code: "invalid_api_key",
      statusCode: 403,
    });
  });

  it("throws a MailError when Resend cannot be reached", async () => {
    // Port 1: nothing listens, the connection is refused.
    const { sendMail, magicLinkEmail, MailError } = await loadMail({ RESEND_BASE_URL: "http://127.0.0.1:1" });
    const sending = sendMail("ada@example.com", magicLinkEmail({ url: signInUrl, expires: new Date() }));
    await expect(sending).rejects.toBeInstanceOf(MailError);
    await expect(sending).rejects.toMatchObject({ statusCode: null });
  });

  it("refuses a malformed recipient before calling Resend", async () => {
    const { sendMail, magicLinkEmail } = await loadMail({ RESEND_BASE_URL: resend.url });
    await expect(sendMail("not-an-address", magicLinkEmail({ url: signInUrl, expires: new Date() }))).rejects.toMatchObject({
      code: "invalid_recipient",
    });
    expect(resend.messages).toHaveLength(0);
  });
});

describe("the fake Resend server", () => {
  let resend: FakeResend;
  beforeAll(async () => {
    resend = await start();
  });
  afterAll(() => resend.stop());

  const post = (body: unknown, headers: Record<string, string> = { authorization: "Bearer re_any" }) =>
    fetch(`${resend.url}/emails`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("answers 401 without an API key", async () => {
    const res = await post({ from: "a@x.test", to: "b@x.test", subject: "Hi", text: "Hi" }, {});
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });
  });

  it("answers 422 with Resend's error JSON for a missing field", async () => {
    const res = await post({ from: "a@x.test", subject: "Hi", text: "Hi" });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ statusCode: 422, name: "missing_required_field", message: "Missing `to` field." });
  });

  it("accepts a complete email and answers its id", async () => {
    const res = await post({ from: "a@x.test", to: ["b@x.test"], subject: "Hi", html: "<p>Hi</p>" });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    expect(resend.messages.at(-1)).toMatchObject({ id, to: ["b@x.test"], subject: "Hi", html: "<p>Hi</p>" });
  });
});
