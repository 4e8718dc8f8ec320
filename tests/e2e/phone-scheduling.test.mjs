// Scheduling a meeting on a 390 × 844 phone: the date and the time are picked (or typed) in panels
// that are wholly on screen, and the meeting is scheduled at the time chosen.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CONSORTIUM, launchBrowser, logIn, withPage } from "./helpers.mjs";

const PHONE_390 = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
const TITLE = `e2e 手机安排会议 ${Date.now()}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** `YYYY-MM-DD` `days` from now. */
function dayIn(days) {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The open picker panel lies wholly inside the 390 × 844 viewport. */
async function assertPanelOnScreen(page, what) {
  const panel = page
    .locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)")
    .last();
  await panel.waitFor();
  const box = await panel.boundingBox();
  assert.ok(box, `${what}: a panel is shown`);
  assert.ok(
    box.x >= 0 &&
      box.y >= 0 &&
      box.x + box.width <= 390 &&
      box.y + box.height <= 844,
    `${what}: the panel is fully on screen: ${JSON.stringify(box)}`,
  );
}

test("a convener schedules a meeting on a 390 px phone with the pickers fully on screen", async (t) => {
  await withPage(browser, t, PHONE_390, async (page) => {
    await logIn(page, "convener@example.com");
    await page.goto("/meetings");
    await page.getByRole("button", { name: "安排会议" }).click();
    const dialog = page.getByRole("dialog", { name: "安排联席会议" });
    await dialog.getByLabel("会议名称").fill(TITLE);
    if (
      (await dialog
        .getByText(CONSORTIUM, { exact: true })
        .filter({ visible: true })
        .count()) === 0
    ) {
      throw new Error("the convener schedules for the consortium by default");
    }

    const date = dialog.getByLabel("开始时间 · 日期");
    await date.click();
    await assertPanelOnScreen(page, "the date panel");
    // It can be typed into, too.
    await date.fill(dayIn(10));
    await date.press("Enter");

    const time = dialog.getByLabel("开始时间 · 时间");
    await time.click();
    await assertPanelOnScreen(page, "the time panel");
    await time.fill("14:30");
    await time.press("Enter");

    // The end follows: the same day, two hours later.
    assert.equal(
      await dialog.getByLabel("结束时间 · 日期").inputValue(),
      dayIn(10),
    );
    assert.equal(
      await dialog.getByLabel("结束时间 · 时间").inputValue(),
      "16:30",
    );
    const field = await dialog
      .getByLabel("开始时间 · 时间")
      .locator(
        'xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-picker ")][1]',
      )
      .boundingBox();
    assert.ok(
      field && field.height >= 44 && field.x + field.width <= 390,
      `touchable, on screen: ${JSON.stringify(field)}`,
    );

    await dialog.getByRole("button", { name: "安排会议" }).click();
    await page.waitForURL(/\/meetings\/[^/]+$/);
    await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    await page
      .getByText(/14:30–16:30/)
      .first()
      .waitFor();
  });
});
