import { expect, type Locator, type Page } from "@playwright/test";

export class DashboardPage {
  constructor(readonly page: Page) {}

  get projectRows(): Locator {
    return this.page.getByTestId("project-row").filter({ visible: true });
  }

  row(name: string): Locator {
    return this.projectRows.filter({ hasText: name });
  }

  async orgSlug(): Promise<string> {
    const match = new URL(this.page.url()).pathname.match(/^\/dashboard\/([^/]+)/);
    return match?.[1] ?? "";
  }

  async createOrg(name: string) {
    await this.page.getByRole("button", { name: "Switch organization" }).click();
    await this.page.getByRole("menuitem", { name: /create organization/i }).click();
    await this.page.getByLabel("Name").fill(name);
    const sent = this.page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/orgs");
    await this.page.getByRole("button", { name: "Create organization" }).click();
    // A retry after a lost answer creates one org, not two.
    expect((await sent).headers()["idempotency-key"]).toMatch(/^[0-9a-f]{32}$/);
    await expect(this.page).toHaveURL(/\/dashboard\/[a-z0-9-]+\/projects/);
    await expect(this.page.getByRole("button", { name: "Switch organization" })).toContainText(name);
  }

  async switchOrg(name: string) {
    await this.page.getByRole("button", { name: "Switch organization" }).click();
    await this.page.getByRole("menuitem", { name: new RegExp(name) }).click();
    await expect(this.page.getByRole("button", { name: "Switch organization" })).toContainText(name);
  }

  async createProject(name: string, description = "") {
    await this.page.getByRole("button", { name: "New project" }).first().click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(name);
    if (description) await dialog.getByLabel("Description").fill(description);
    await dialog.getByRole("button", { name: "Create project" }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(name)).toBeVisible();
  }

  async renameProject(from: string, to: string) {
    await this.row(from).getByRole("button", { name: /edit/i }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(to);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(to)).toBeVisible();
  }

  async deleteProject(name: string) {
    await this.row(name).getByRole("button", { name: /delete/i }).click();
    const dialog = this.page.getByRole("alertdialog").or(this.page.getByRole("dialog"));
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(this.row(name)).toHaveCount(0);
  }

  async openUserMenu() {
    await this.page.getByRole("button", { name: /account menu|user menu/i }).click();
  }

  async signOut() {
    await this.openUserMenu();
    await this.page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
    await expect(this.page).toHaveURL(/\/sign-in|\/$/);
  }
}
