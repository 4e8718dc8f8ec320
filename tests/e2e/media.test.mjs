import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { CONSORTIUM, launchBrowser, logIn, png, withPage } from "./helpers.mjs";

// Until the activities domain lands there is no way to create an activity through the API: the
// test inserts one with psql into the database the server under test uses (DATABASE_URL, as
// scripts/test.sh exports it).
const DATABASE_URL =
  process.env.ALLIANCE_E2E_DATABASE_URL || process.env.DATABASE_URL;
const PHONE_390 = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
const HOST = "zhao.mingyuan@example.com";

function psql(sql) {
  assert.ok(
    DATABASE_URL,
    "set DATABASE_URL (or ALLIANCE_E2E_DATABASE_URL) to the database of the server under test",
  );
  return execFileSync(
    "psql",
    [DATABASE_URL, "-v", "ON_ERROR_STOP=1", "-qtAc", sql],
    { encoding: "utf8" },
  ).trim();
}

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("on a phone, photos are uploaded several at once with per-file errors and shown in a lightbox", async (t) => {
  const id = randomUUID();
  psql(`INSERT INTO activities (id, alliance_id, kind, theme, starts_at, ends_at, status, check_in_code)
        SELECT '${id}', id, 'symposium', '浏览器测试活动', now() - interval '1 day', now() - interval '20 hours', 'completed', '123456'
          FROM alliances WHERE name = '${CONSORTIUM}';
        INSERT INTO activity_organizers (activity_id, organization_id, role)
        SELECT '${id}', om.organization_id, 'host' FROM organization_memberships om JOIN users u ON u.id = om.user_id
         WHERE u.email = '${HOST}' LIMIT 1;`);
  const activity = Buffer.from(`Activity:${id}`).toString("base64url");
  await withPage(browser, t, PHONE_390, async (page) => {
    await logIn(page, HOST);
    await page.goto(`/activities/${activity}/photos`);
    await page.getByRole("button", { name: "选择照片" }).waitFor();
    await page.getByRole("button", { name: "拍照上传" }).waitFor();
    await page.getByTestId("media-file-input").setInputFiles([
      {
        name: "会场.png",
        mimeType: "image/png",
        buffer: png(640, 480, [200, 30, 30]),
      },
      {
        name: "合影.png",
        mimeType: "image/png",
        buffer: png(480, 640, [30, 30, 200]),
      },
      // A text file dressed as a photo: refused by its bytes, with its own error.
      {
        name: "伪装.jpg",
        mimeType: "image/jpeg",
        buffer: Buffer.from("not a photo at all"),
      },
    ]);
    await page.getByText("只支持 JPEG、PNG、WebP 照片和 PDF 文件").waitFor();
    const gallery = page.getByRole("list", { name: "照片" });
    await gallery.getByRole("listitem").nth(1).waitFor();
    assert.equal(await gallery.getByRole("listitem").count(), 2);
    // The thumbnails load through signed URLs.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[aria-label="照片"] img')].every(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    );
    const src = await gallery.locator("img").first().getAttribute("src");
    assert.match(src, /^\/media\/[0-9a-f-]+\/thumbnail\?exp=\d+&sig=/);

    await gallery.getByRole("listitem").first().click();
    const lightbox = page.getByRole("dialog");
    await lightbox.getByText("第 1 / 2 张").waitFor();
    await page.keyboard.press("ArrowRight");
    await lightbox.getByText("第 2 / 2 张").waitFor();
    await lightbox.getByRole("button", { name: "上一张" }).click();
    await lightbox.getByText("第 1 / 2 张").waitFor();
    await page.keyboard.press("Escape");
    await lightbox.waitFor({ state: "hidden" });

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
  });
  // Two photos stored, the disguised file not.
  assert.equal(
    psql(`SELECT count(*) FROM media WHERE activity_id = '${id}'`),
    "2",
  );
});
