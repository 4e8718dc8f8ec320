import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, launchBrowser, logIn, withPage } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("switching to English changes the UI and survives a reload", async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, "member@example.com");
    await page.getByRole("button", { name: "English" }).click();

    await page
      .getByRole("heading", { name: "Hello, 李娜", level: 1 })
      .waitFor();
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await nav.getByRole("link", { name: "Alliances" }).waitFor();
    // A plain member manages no integration tokens: the page is not offered.
    assert.equal(
      await nav.getByRole("link", { name: "Integration tokens" }).count(),
      0,
    );
    assert.equal(
      await page.getByRole("heading", { name: "您好，李娜" }).count(),
      0,
    );
    await nav.getByRole("link", { name: "Profile" }).click();
    await page.getByRole("heading", { name: "Profile", level: 1 }).waitFor();

    // The choice is remembered, and the session is restored from its cookie after the reload.
    await page.reload();
    await page.getByRole("heading", { name: "Profile", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "My organizations" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");

    // Back to Chinese.
    await page.getByRole("button", { name: "简体中文" }).click();
    await page.getByRole("heading", { name: "个人中心", level: 1 }).waitFor();
  });
});

test("the language can be switched on the login page", async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Log in", level: 1 }).waitFor();
    await page.getByLabel("Email or mobile number").waitFor();
  });
});
