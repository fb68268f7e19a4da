import { expect, type Locator, type Page } from "@playwright/test";

/** The members page: roster, invitations, and the dialogs that change them. */
export class MembersPage {
  constructor(readonly page: Page) {}

  async goto(slug: string) {
    await this.page.goto(`/dashboard/${slug}/members`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  }

  memberRow(text: string): Locator {
    return this.page.getByTestId("member-row").filter({ hasText: text });
  }

  invitationRow(email: string): Locator {
    return this.page.getByTestId("invitation-row").filter({ hasText: email });
  }

  /** Opens the invite dialog, adds `emails` (as typed text, comma separated) and picks `role`. */
  async openInvite(emails: string[], role: string): Promise<Locator> {
    await this.page.getByRole("button", { name: "Invite people" }).first().click();
    const dialog = this.page.getByRole("dialog", { name: "Invite people" });
    await dialog.getByLabel("Email addresses").fill(emails.join(", "));
    await dialog.getByLabel("Role").selectOption({ label: role });
    return dialog;
  }

  async submitInvite(dialog: Locator) {
    await dialog.getByRole("button", { name: /^Send \d* ?invitations?$/ }).click();
  }

  async changeRole(name: string, role: string) {
    await this.memberRow(name).getByLabel(`Role for ${name}`).selectOption({ label: role });
    await expect(this.page.getByText(new RegExp(`${name} is now an? ${role.toLowerCase()}`))).toBeVisible();
  }

  async remove(name: string) {
    await this.memberRow(name).getByRole("button", { name: /remove/i }).click();
    await this.page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
    await expect(this.memberRow(name)).toHaveCount(0);
  }
}

/** The dev outbox, for the link an invitation email carries. */
export async function invitationLinkFor(page: Page, to: string): Promise<string> {
  await page.goto("/dev/outbox");
  const message = page.locator(`[data-testid="outbox-message"][data-to="${to.toLowerCase()}"]`).first();
  await expect(message).toBeVisible();
  const href = await message.locator("a[href*='/invite/']").first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

/** From an invitation link to a new account that lands in the inviting org. */
export async function signUpThroughInvitation(page: Page, link: string, user: { name: string; password: string }) {
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[a-z0-9-]+\/projects/);
}

/** The audit log page, its filters and export. */
export class AuditLogPage {
  constructor(readonly page: Page) {}

  async goto(slug: string) {
    await this.page.goto(`/dashboard/${slug}/audit`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  }

  get rows(): Locator {
    return this.page.getByTestId("audit-row");
  }

  async filterByAction(label: string) {
    await this.page.getByLabel("Action").selectOption({ label });
  }

  /** Clicks "Export CSV" and returns the file the browser was handed. */
  async exportCsv() {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("button", { name: "Export CSV" }).click();
    return download;
  }
}
