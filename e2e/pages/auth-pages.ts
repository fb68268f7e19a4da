import { expect, type Page } from "@playwright/test";

export class SignUpPage {
  constructor(private readonly page: Page) {}

  /** Submits the form; a new address ends on "Check your email" until it is verified. */
  async submit(user: { name: string; email: string; password: string }) {
    await this.page.goto("/sign-up");
    await this.page.getByLabel("Name").fill(user.name);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Sign up" }).click();
    await expect(this.page).toHaveURL(/\/sign-up\/check-email/);
    await expect(this.page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }

  /** Signs up, verifies the address by the emailed link, and signs in with the password. */
  async signUp(user: { name: string; email: string; password: string }) {
    await this.submit(user);
    await new OutboxPage(this.page).followVerificationLink(user.email);
    await this.verifyAndSignIn(user);
  }

  /** On the verification link's page: verify, then sign in with the address filled in. */
  async verifyAndSignIn(user: { email: string; password: string }) {
    await this.page.getByRole("button", { name: "Verify my email" }).click();
    await expect(this.page.getByRole("heading", { name: "Email verified" })).toBeVisible();
    await this.page.getByRole("link", { name: "Sign in" }).click();
    const form = this.page.getByRole("form", { name: /password/i });
    await expect(form.getByLabel("Email")).toHaveValue(user.email);
    await form.getByLabel("Password").fill(user.password);
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page).toHaveURL(/\/dashboard\/[a-z0-9-]+\/projects/);
  }
}

export class SignInPage {
  constructor(private readonly page: Page) {}

  /** The password step only: what follows depends on the account (2FA, unverified address). */
  async submitPassword(email: string, password: string) {
    await this.page.goto("/sign-in");
    const form = this.page.getByRole("form", { name: /password/i });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill(password);
    await form.getByRole("button", { name: "Sign in" }).click();
  }

  async signInWithPassword(email: string, password: string) {
    await this.submitPassword(email, password);
    await expect(this.page).toHaveURL(/\/dashboard\/[a-z0-9-]+\/projects/);
  }

  async requestMagicLink(email: string) {
    await this.page.goto("/sign-in");
    const form = this.page.getByRole("form", { name: /email link|magic link/i });
    await form.getByLabel("Email").fill(email);
    await form.getByRole("button").click();
    await expect(this.page.getByText(/check your email/i).first()).toBeVisible();
  }
}

export class OutboxPage {
  constructor(private readonly page: Page) {}

  /** Opens the newest message to `to` in the dev outbox and follows its sign-in link. */
  async followNewestLinkTo(to: string) {
    await this.page.goto("/dev/outbox");
    const message = this.page.locator(`[data-testid="outbox-message"][data-to="${to}"]`).first();
    await expect(message).toBeVisible();
    const href = await message.locator("a[href*='/api/auth/callback/email']").first().getAttribute("href");
    expect(href).toBeTruthy();
    await this.page.goto(href!);
  }

  /** Opens the verification link of the newest message to `to`. */
  async followVerificationLink(to: string) {
    await this.page.goto("/dev/outbox");
    const message = this.page.locator(`[data-testid="outbox-message"][data-to="${to.toLowerCase()}"]`).first();
    await expect(message).toBeVisible();
    const href = await message.locator("a[href*='/verify-email']").first().getAttribute("href");
    expect(href).toBeTruthy();
    await this.page.goto(href!);
  }
}
