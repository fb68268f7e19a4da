import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { SignInPage } from "./pages/auth-pages";
import { AuditLogPage, invitationLinkFor, MembersPage, signUpThroughInvitation } from "./pages/members-page";
import { setOrgPlan } from "./support/database";
import { snap } from "./support/screenshot";

const stamp = Date.now().toString(36);
const invitee = { name: "Ivy Invitee", email: `ivy.${stamp}@example.test`, password: "a-long-invitee-password" };
const ORG = "acme";

async function signedIn(browser: Browser, email: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await new SignInPage(page).signInWithPassword(email, "tenantkit-demo");
  return page;
}

test("an admin invites a new address; the invitee joins, gets a new role, and is removed", async ({ browser }, testInfo) => {
  const admin = await signedIn(browser, "admin@acme.test");
  const members = new MembersPage(admin);
  await members.goto(ORG);
  await expect(admin.getByText("4 of 5 seats used")).toBeVisible();

  // An existing member is refused by address; the dialog says which one and keeps the rest.
  const dialog = await members.openInvite(["member@acme.test", invitee.email], "Member");
  await expect(dialog.getByText("4 of 5 seats used")).toBeVisible();
  await members.submitInvite(dialog);
  await expect(dialog.getByText("member@acme.test is already a member.")).toBeVisible();
  await snap(admin, testInfo, "members-invite-errors");
  await dialog.getByRole("button", { name: "Remove member@acme.test" }).click();
  await members.submitInvite(dialog);
  await expect(dialog).toBeHidden();
  await expect(members.invitationRow(invitee.email)).toBeVisible();
  await expect(admin.getByText("5 of 5 seats used")).toBeVisible();
  await snap(admin, testInfo, "members");

  // The invitee opens the emailed link, signs up, and lands in the org as a member.
  const joiner = await (await browser.newContext()).newPage();
  await signUpThroughInvitation(joiner, await invitationLinkFor(joiner, invitee.email), invitee);
  await expect(joiner).toHaveURL(new RegExp(`/dashboard/${ORG}/projects`));
  await expect(joiner.getByRole("button", { name: "Switch organization" })).toContainText("Member");
  await expect(joiner.getByRole("button", { name: "New project" })).toBeVisible();

  await members.goto(ORG);
  await expect(members.memberRow(invitee.name)).toBeVisible();
  await expect(members.invitationRow(invitee.email)).toHaveCount(0);

  // A viewer cannot write projects: the invitee's controls change on their next load.
  await members.changeRole(invitee.name, "Viewer");
  await joiner.reload();
  await expect(joiner.getByRole("button", { name: "Switch organization" })).toContainText("Viewer");
  await expect(joiner.getByRole("button", { name: "New project" })).toHaveCount(0);
  await joiner.goto(`/dashboard/${ORG}/members`);
  await expect(joiner.getByRole("button", { name: "Invite people" })).toHaveCount(0);
  await expect(joiner.getByLabel(/^Role for/)).toHaveCount(0);
  await expect(joiner.getByRole("link", { name: "Audit log" })).toHaveCount(0);

  // Removed: the next page load no longer opens the org.
  await members.remove(invitee.name);
  await joiner.goto(`/dashboard/${ORG}/projects`);
  await expect(joiner.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // Every step is in the audit log, newest first, and exports as CSV. Export is a Pro
  // feature: the demo org goes Pro with the same five seats for this step, then back to Free.
  const audit = new AuditLogPage(admin);
  await audit.goto(ORG);
  await expect(admin.getByText("CSV export is not part of the Free plan.")).toBeVisible();
  await setOrgPlan(ORG, "pro", 5);
  await audit.goto(ORG);
  await expect(audit.rows.first()).toContainText("Removed member");
  await expect(audit.rows.filter({ hasText: "Changed role" }).first()).toContainText(invitee.email);
  await expect(audit.rows.filter({ hasText: "Joined" }).first()).toContainText(invitee.email);
  await expect(audit.rows.filter({ hasText: "Invited" }).first()).toContainText("admin@acme.test");
  await snap(admin, testInfo, "audit");

  await audit.filterByAction("Changed role");
  await expect(audit.rows).toHaveCount(1);
  const download = await audit.exportCsv();
  expect(download.suggestedFilename()).toMatch(/^audit-log-acme-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.trim().split("\r\n")).toHaveLength(2);
  expect(csv).toContain('"member.role_changed"');
  await setOrgPlan(ORG, "free");
  await admin.context().close();
  await joiner.context().close();
});

test("an owner transfers ownership and becomes an admin", async ({ browser }) => {
  const owner = await signedIn(browser, "owner@acme.test");
  const members = new MembersPage(owner);
  await members.goto(ORG);
  await owner.getByRole("button", { name: "Transfer ownership" }).click();
  const dialog = owner.getByRole("dialog");
  await dialog.getByLabel("New owner").selectOption({ label: "Adam Admin (admin@acme.test) · Admin" });
  await dialog.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(dialog).toBeHidden();
  await expect(owner.getByLabel("Role for Adam Admin")).toBeDisabled();
  await expect(owner.getByRole("button", { name: "Switch organization" })).toContainText("Admin");
  await expect(owner.getByRole("button", { name: "Transfer ownership" })).toHaveCount(0);
  await owner.context().close();
});

test("members, invitations and the audit log in dark mode and on a phone", async ({ browser }, testInfo) => {
  const dark = await signedIn(browser, "admin@acme.test", { colorScheme: "dark" });
  await new MembersPage(dark).goto(ORG);
  await snap(dark, testInfo, "members-dark");
  await new AuditLogPage(dark).goto(ORG);
  await snap(dark, testInfo, "audit-dark");
  await dark.context().close();

  const phone = await signedIn(browser, "admin@acme.test", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await new MembersPage(phone).goto(ORG);
  await snap(phone, testInfo, "members-phone");
  await new AuditLogPage(phone).goto(ORG);
  await snap(phone, testInfo, "audit-phone");
  await phone.context().close();
});

test("a member sees the team but no management controls, and no audit log", async ({ browser }, testInfo) => {
  const member = await signedIn(browser, "member@acme.test");
  await new MembersPage(member).goto(ORG);
  await expect(member.getByRole("button", { name: "Invite people" })).toHaveCount(0);
  await expect(member.getByRole("button", { name: /remove|resend|revoke/i })).toHaveCount(0);
  await expect(member.getByRole("heading", { name: "Pending invitations", exact: true })).toBeVisible();
  await snap(member, testInfo, "members-member");
  await member.goto(`/dashboard/${ORG}/audit`);
  await expect(member.getByText("Only owners and admins can see the audit log")).toBeVisible();
  await member.context().close();
});
