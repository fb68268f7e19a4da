import type { Browser, BrowserContext, BrowserContextOptions, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test";
import { OutboxPage, SignInPage, SignUpPage } from "./pages/auth-pages";
import { DashboardPage } from "./pages/dashboard-page";
import { invitationLinkFor, MembersPage } from "./pages/members-page";
import { SecurityPage, TwoFactorPrompt } from "./pages/security-page";
import { ageSignIns, setOrgPlan } from "./support/database";
import { snap } from "./support/screenshot";

const stamp = Date.now().toString(36);
const owner = { name: "Sam Secure", email: `sam.${stamp}@example.test`, password: "a-long-secure-password" };
const member = { name: "Mo Member", email: `mo.${stamp}@example.test`, password: "a-long-member-password" };
const team = `Secure team ${stamp}`;

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
type Shot = { name: string; open: (page: Page) => Promise<void>; fullPage?: boolean };

/**
 * Each shot in dark mode on a desktop, and in light and dark on a phone (the light desktop
 * one is taken along the flow). One context per screen size, signed in as `state` if given;
 * the colour scheme switches in place, since the theme follows the system's.
 */
async function snapVariants(browser: Browser, testInfo: TestInfo, shots: Shot[], state?: StorageState) {
  const sizes: [string, BrowserContextOptions][] = [
    ["", {}],
    ["-phone", PHONE],
  ];
  for (const [suffix, options] of sizes) {
    const context = await browser.newContext({ ...options, storageState: state });
    const page = await context.newPage();
    for (const { name, open, fullPage } of shots) {
      await page.emulateMedia({ colorScheme: "light" });
      await open(page);
      if (suffix) await snap(page, testInfo, `${name}${suffix}`, { fullPage });
      await page.emulateMedia({ colorScheme: "dark" });
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      await snap(page, testInfo, `${name}${suffix}-dark`, { fullPage });
    }
    await context.close();
  }
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /account menu/i }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test.describe.serial("account security", () => {
  let ownerState: StorageState;

  test("sign up, verify by email, turn on 2FA, sign in with a code, and end another device", async ({ page, browser }, testInfo) => {
    // A new password account cannot sign in until its address is verified.
    await new SignUpPage(page).submit(owner);
    await snap(page, testInfo, "sign-up-check-email");
    const signIn = new SignInPage(page);
    await signIn.submitPassword(owner.email, owner.password);
    await expect(page.getByText(/Verify your email/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Resend verification email" })).toBeVisible();

    await new OutboxPage(page).followVerificationLink(owner.email);
    await expect(page.getByRole("button", { name: "Verify my email" })).toBeVisible();
    await snap(page, testInfo, "verify-email");
    await new SignUpPage(page).verifyAndSignIn(owner);

    const security = new SecurityPage(page);
    await security.goto();
    await security.openSetup();
    await snap(page, testInfo, "two-factor-setup", { fullPage: false });
    const { authenticator, recoveryCodes } = await security.turnOnTwoFactor();
    await expect(security.twoFactor.getByText("10 of 10")).toBeVisible();

    // Password alone is not enough any more: the code step follows, and a wrong code is refused.
    await signOut(page);
    await signIn.submitPassword(owner.email, owner.password);
    const prompt = new TwoFactorPrompt(page);
    await prompt.expectShown();
    await snap(page, testInfo, "two-factor-sign-in");
    await prompt.enterCode("000000");
    await expect(page.getByLabel("Authentication code")).toHaveAttribute("aria-invalid", "true");
    await prompt.enterCode(await authenticator.nextCode());
    await expect(page).toHaveURL(/\/dashboard\/[a-z0-9-]+\/projects/);

    // A second device signs in with a recovery code.
    const phone = await (await browser.newContext(PHONE)).newPage();
    await new SignInPage(phone).submitPassword(owner.email, owner.password);
    await new TwoFactorPrompt(phone).enterRecoveryCode(recoveryCodes[0]!);
    await expect(phone).toHaveURL(/\/dashboard\/[a-z0-9-]+\/projects/);

    await security.goto();
    await expect(security.sessionRows).toHaveCount(2);
    await expect(security.sessionRows.filter({ hasText: "This device" })).toHaveCount(1);
    await expect(security.twoFactor.getByText("9 of 10")).toBeVisible();
    await expect(page.getByTestId("security-event").filter({ hasText: "Turned on two-factor authentication" })).toBeVisible();
    await snap(page, testInfo, "security");

    // Ending the other device signs it out on its next page load.
    const other = security.sessionRows.filter({ hasNotText: "This device" });
    await other.getByRole("button", { name: /^Sign out/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Sign out" }).click();
    await expect(security.sessionRows).toHaveCount(1);
    await phone.goto("/dashboard");
    await expect(phone).toHaveURL(/\/sign-in/);
    await phone.context().close();

    // An hour later, new recovery codes ask for the password first, then arrive.
    await ageSignIns(owner.email);
    await page.getByRole("button", { name: "Regenerate recovery codes" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Create new codes" }).click();
    const confirm = page.getByRole("dialog", { name: "Confirm it's you" });
    await confirm.getByLabel("Password", { exact: true }).fill(owner.password);
    await snap(page, testInfo, "reauthenticate", { fullPage: false });
    await confirm.getByRole("button", { name: "Confirm" }).click();
    const codes = page.getByRole("dialog", { name: "Your new recovery codes" });
    await expect(codes.getByRole("listitem")).toHaveCount(10);
    await codes.getByLabel(/I saved my recovery codes/).check();
    await codes.getByRole("button", { name: "Done" }).click();
    await expect(security.twoFactor.getByText("10 of 10")).toBeVisible();

    ownerState = await page.context().storageState();
  });

  test("the security pages in dark mode and on a phone", async ({ browser }, testInfo) => {
    const security: Shot = {
      name: "security",
      open: async (page) => {
        await page.goto("/account/security");
        await expect(page.getByText("10 of 10")).toBeVisible();
      },
    };
    await snapVariants(browser, testInfo, [security], ownerState);

    const twoFactorSignIn: Shot = {
      name: "two-factor-sign-in",
      // A password sign-in that still owes its code.
      open: async (page) => {
        await new SignInPage(page).submitPassword(owner.email, owner.password);
        await new TwoFactorPrompt(page).expectShown();
      },
    };
    const verifyEmail: Shot = {
      name: "verify-email",
      open: async (page) => {
        await page.goto("/verify-email?token=example");
        await expect(page.getByRole("button", { name: "Verify my email" })).toBeVisible();
      },
    };
    await snapVariants(browser, testInfo, [twoFactorSignIn, verifyEmail]);
  });

  test("an org that requires 2FA sends a member without it to setup", async ({ browser }, testInfo) => {
    const ownerPage = await (await browser.newContext({ storageState: ownerState })).newPage();
    await ownerPage.goto("/dashboard");
    const dashboard = new DashboardPage(ownerPage);
    await dashboard.createOrg(team);
    const slug = await dashboard.orgSlug();
    // Requiring 2FA is a Pro feature; the reload picks up the new plan, as returning from checkout would.
    await setOrgPlan(slug, "pro");
    await ownerPage.reload();

    await ownerPage.getByRole("link", { name: "Settings" }).click();
    const requirement = ownerPage.getByRole("switch", { name: "Require two-factor authentication" });
    await requirement.click();
    await expect(requirement).toBeChecked();
    await snap(ownerPage, testInfo, "settings-require-two-factor");

    const members = new MembersPage(ownerPage);
    await members.goto(slug);
    await members.submitInvite(await members.openInvite([member.email], "Member"));
    await expect(members.invitationRow(member.email)).toBeVisible();

    // The invitee joins, and is sent to set up 2FA before the org opens.
    const joiner = await (await browser.newContext()).newPage();
    await joiner.goto(await invitationLinkFor(joiner, member.email));
    await joiner.getByRole("link", { name: "Create an account" }).click();
    await joiner.getByLabel("Name").fill(member.name);
    await joiner.getByLabel("Password").fill(member.password);
    await joiner.getByRole("button", { name: "Create account and join" }).click();
    await expect(joiner).toHaveURL(new RegExp(`/account/security\\?required=${slug}`));
    const security = new SecurityPage(joiner);
    await expect(security.setupDialog).toBeVisible();
    await expect(security.setupDialog.getByText(`${team} requires two-factor authentication`)).toBeVisible();
    await snap(joiner, testInfo, "two-factor-setup-required", { fullPage: false });

    // Its API refuses them too until then.
    expect((await joiner.request.get(`/api/v1/orgs/${slug}/projects`)).status()).toBe(403);

    const requiredUrl = joiner.url();
    const openSetup = async (page: Page) => {
      await page.goto(requiredUrl);
      await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    };
    await snapVariants(browser, testInfo, [{ name: "two-factor-setup", open: openSetup, fullPage: false }], await joiner.context().storageState());

    // Every opening starts a new enrolment: open it again here, to use the newest key.
    await openSetup(joiner);
    await security.turnOnTwoFactor();
    await joiner.getByRole("link", { name: `Continue to ${team}` }).click();
    await expect(joiner).toHaveURL(new RegExp(`/dashboard/${slug}`));
    await expect(joiner.getByRole("button", { name: "Switch organization" })).toContainText(team);
    await Promise.all([ownerPage.context().close(), joiner.context().close()]);
  });
});
