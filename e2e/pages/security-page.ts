import { expect, type Locator, type Page } from "@playwright/test";
import { Authenticator } from "../support/authenticator";

/** Account → Security: two-factor authentication, devices, history. */
export class SecurityPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/account/security");
    await expect(this.page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  }

  get twoFactor(): Locator {
    return this.page.getByRole("region", { name: /Two-factor authentication/ });
  }

  get setupDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Set up two-factor authentication" });
  }

  get sessionRows(): Locator {
    return this.page.getByTestId("session-row");
  }

  async openSetup(): Promise<Locator> {
    if (!(await this.setupDialog.isVisible())) await this.page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(this.setupDialog.getByRole("img", { name: /QR code/ })).toBeVisible();
    return this.setupDialog;
  }

  /** Scans (reads) the key, proves it with a code, keeps the recovery codes. */
  async turnOnTwoFactor(): Promise<{ authenticator: Authenticator; recoveryCodes: string[] }> {
    const dialog = await this.openSetup();
    const authenticator = new Authenticator((await dialog.getByLabel("Setup key").textContent()) ?? "");
    await dialog.getByLabel("6-digit code from your app").fill(await authenticator.nextCode());
    await dialog.getByRole("button", { name: "Turn on" }).click();

    const codesDialog = this.page.getByRole("dialog", { name: "Save your recovery codes" });
    const list = codesDialog.getByRole("list", { name: "Recovery codes" });
    await expect(list.getByRole("listitem")).toHaveCount(10);
    const recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
    await expect(codesDialog.getByRole("button", { name: "Done" })).toBeDisabled();
    await codesDialog.getByLabel(/I saved my recovery codes/).check();
    await codesDialog.getByRole("button", { name: "Done" }).click();
    await expect(codesDialog).toBeHidden();
    return { authenticator, recoveryCodes };
  }
}

/** The second step of signing in. */
export class TwoFactorPrompt {
  constructor(readonly page: Page) {}

  async expectShown() {
    await expect(this.page).toHaveURL(/\/sign-in\/two-factor/);
    await expect(this.page.getByRole("heading", { name: "Two-factor verification" })).toBeVisible();
  }

  async enterCode(code: string) {
    await this.page.getByLabel("Authentication code").fill(code);
    await this.page.getByRole("button", { name: "Verify" }).click();
  }

  async enterRecoveryCode(code: string) {
    await this.page.getByRole("button", { name: "Use a recovery code instead" }).click();
    await this.page.getByLabel("Recovery code").fill(code);
    await this.page.getByRole("button", { name: "Verify" }).click();
  }
}
