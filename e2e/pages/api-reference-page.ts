import { expect, type Locator, type Page } from "@playwright/test";

/** The API reference at /docs/api. */
export class ApiReferencePage {
  constructor(readonly page: Page) {}

  get search(): Locator {
    return this.page.getByRole("searchbox", { name: "Search the API reference" });
  }

  operation(summary: string): Locator {
    return this.page.getByRole("article", { name: summary });
  }

  async openFromDashboard() {
    await this.page.getByRole("link", { name: "API reference" }).click();
    await expect(this.page).toHaveURL(/\/docs\/api$/);
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText("API");
  }

  async searchFor(query: string) {
    await this.search.fill(query);
  }
}
