// The organizers' kit of a co-organized activity, on a 390 × 844 phone: the host's admin creates it
// with a co-organizer chosen in the picker, sees the check-in QR code (and can download it to print),
// corrects a photo's taken-at time, and publishes it; then a person of the co-organizer finds the
// ACTIVITY_PUBLISHED notification and follows it to the activity.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CONSORTIUM,
  DESKTOP,
  launchBrowser,
  logIn,
  png,
  withPage,
} from "./helpers.mjs";

const PHONE_390 = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
const THEME = `e2e 联合共建活动 ${Date.now()}`;
const CO_ORGANIZER = "华安证券公益基金会";
const HOST = "orgadmin@example.com";
/** A person of the co-organizer (not its admin). */
const CO_MEMBER = "member@example.com";

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

/** Types a date and a time into the phone's two pickers of the field labelled `label`. */
async function typeDateTime(scope, label, day, time) {
  const date = scope.getByLabel(`${label} · 日期`);
  await date.click();
  await date.fill(day);
  await date.press("Enter");
  const clock = scope.getByLabel(`${label} · 时间`);
  await clock.click();
  await clock.fill(time);
  await clock.press("Enter");
}

const state = { path: null };

test("on a phone, an organizer creates a co-organized activity, shows its QR code, dates a photo and publishes it", async (t) => {
  await withPage(browser, t, PHONE_390, async (page) => {
    await logIn(page, HOST);
    await page.goto("/activities");
    await page.getByRole("button", { name: "新建活动" }).click();
    const dialog = page.getByRole("dialog", { name: "新建活动" });
    await dialog.getByLabel("联盟", { exact: true }).focus();
    await page.keyboard.type(CONSORTIUM.slice(0, 6));
    await page.keyboard.press("Enter");
    await dialog.getByLabel("主题").fill(THEME);
    // The host defaults to the admin's own organization, and is not offered as a co-organizer.
    await dialog.getByText("省塑料协会", { exact: true }).waitFor();
    await dialog.getByLabel("协办单位").click();
    const options = page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
      .last();
    await options.getByText(CO_ORGANIZER, { exact: true }).waitFor();
    assert.equal(
      await options.getByText("省塑料协会", { exact: true }).count(),
      0,
    );
    await options.getByText(CO_ORGANIZER, { exact: true }).click();
    await dialog.getByLabel("主题").click();
    // Yesterday, so that it can be completed at once.
    await typeDateTime(dialog, "开始时间", dayIn(-1), "09:00");
    await typeDateTime(dialog, "结束时间", dayIn(-1), "11:30");
    await dialog.getByLabel("地点").fill("省社会组织党群服务中心");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `the form is ${overflow}px wider than the phone`);
    await dialog.getByRole("button", { name: "保存" }).click();

    await page.waitForURL(/\/activities\/[^/]+$/);
    state.path = new URL(page.url()).pathname;
    await page.getByRole("heading", { name: THEME, level: 2 }).waitFor();
    await page.getByText(`${CO_ORGANIZER}（协办）`).waitFor();

    // The check-in QR code: an image drawn from the server's SVG, to download and print.
    const qr = page.getByRole("img", { name: "活动签到二维码" });
    await qr.waitFor();
    assert.ok(
      await qr.evaluate((img) => img.complete && img.naturalWidth > 0),
      "the QR code is drawn",
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载二维码（可打印）" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /签到二维码\.svg$/);

    // Editing shows the current co-organizer.
    await page.getByRole("button", { name: "编辑活动" }).click();
    const edit = page.getByRole("dialog", { name: "编辑活动" });
    await edit.getByText(CO_ORGANIZER, { exact: true }).waitFor();
    assert.equal(await edit.getByLabel("主题").inputValue(), THEME);
    await edit.getByRole("button", { name: /取\s*消/ }).click();
    await edit.waitFor({ state: "hidden" });

    // A photo, then the time it was really taken (Beijing time), saved with the photo.
    await page
      .getByTestId("media-file-input")
      .setInputFiles([
        {
          name: "合影.png",
          mimeType: "image/png",
          buffer: png(640, 480, [200, 30, 30]),
        },
      ]);
    const takenAt = page.getByRole("group", { name: "合影.png 的拍摄时间" });
    await takenAt.waitFor();
    await typeDateTime(takenAt, "合影.png 的拍摄时间", dayIn(-1), "10:15");
    await takenAt.getByRole("button", { name: "保存" }).click();
    await page.getByText("拍摄时间已保存").first().waitFor();
    await page
      .getByRole("group", { name: "合影.png 的拍摄时间" })
      .getByText("已手动修改")
      .waitFor();
    await page.reload();
    const saved = page.getByRole("group", { name: "合影.png 的拍摄时间" });
    await saved.getByText("已手动修改").waitFor();
    assert.equal(
      await saved.getByLabel("合影.png 的拍摄时间 · 日期").inputValue(),
      dayIn(-1),
    );
    assert.equal(
      await saved.getByLabel("合影.png 的拍摄时间 · 时间").inputValue(),
      "10:15",
    );

    await page
      .getByLabel("活动报道（Markdown）")
      .fill("## 联合共建\n\n两家单位共同开展主题党日。");
    await page.getByRole("button", { name: "保存报道" }).click();
    await page
      .getByRole("button", { name: "保存报道" })
      .and(page.locator("[disabled]"))
      .waitFor();
    await page.getByRole("button", { name: "标记完成" }).click();
    await page.getByText("已完成", { exact: true }).first().waitFor();
    // Check-in is closed now: the QR code is gone.
    assert.equal(
      await page.getByRole("img", { name: "活动签到二维码" }).count(),
      0,
    );
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await page.getByRole("button", { name: "撤回发布" }).waitFor();
  });
});

test("a person of the co-organizer is told the activity was published and follows the notice to it", async (t) => {
  assert.ok(state.path, "needs the activity of the first test");
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, CO_MEMBER);
    await page.goto("/notifications");
    const notice = page.getByRole("button", {
      name: `${CONSORTIUM}：本单位参与组织的活动「${THEME}」已发布`,
    });
    await notice.waitFor();
    await page.getByText("活动已发布").first().waitFor();
    await notice.click();
    await page.waitForURL((url) => url.pathname === state.path);
    await page.getByRole("heading", { name: THEME, level: 2 }).waitFor();
    // A person who does not manage the activity sees no check-in kit.
    assert.equal(await page.getByText("签到二维码").count(), 0);
  });
});
