// A meeting that is over offers nothing more: on the demo's completed meetings neither a member nor the
// convener finds a reply, a check-in, a check-in QR kit or an agenda proposal form; the "past meetings"
// list shows them newest first with their approved minutes.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, PHONE, launchBrowser, logIn, withPage } from "./helpers.mjs";

const OLDER = "第一次联席会议：年度工作计划";
const NEWER = "第二次联席会议：季度工作交流";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Opens the past meetings and returns the card of the newer completed demo meeting. */
async function openPast(page) {
  await page.goto("/meetings?view=past");
  await page.getByRole("article", { name: NEWER }).first().waitFor();
  return page;
}

test("past meetings come newest first, each with its approved minutes", async (t) => {
  await withPage(browser, t, PHONE, async (page) => {
    await logIn(page, "member@example.com");
    const list = await openPast(page);
    const titles = await list
      .getByRole("article")
      .evaluateAll((cards) => cards.map((c) => c.getAttribute("aria-label")));
    const newer = titles.indexOf(NEWER);
    const older = titles.indexOf(OLDER);
    assert.ok(
      newer >= 0 && older > newer,
      `newest first: ${titles.join(" | ")}`,
    );
    const card = list.getByRole("article", { name: NEWER }).first();
    await card.getByRole("button", { name: /会议纪要（/ }).click();
    const minutes = card.getByRole("document", { name: `${NEWER} 的会议纪要` });
    await minutes.getByText("联合开展一次主题党日活动").waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
  });
});

test("a completed meeting offers a member no reply, check-in or proposal", async (t) => {
  await withPage(browser, t, PHONE, async (page) => {
    await logIn(page, "orgadmin@example.com");
    const list = await openPast(page);
    await list
      .getByRole("article", { name: NEWER })
      .first()
      .getByRole("link", { name: NEWER })
      .click();
    await page.getByRole("heading", { name: NEWER }).first().waitFor();
    const agenda = page.getByRole("region", { name: "会议议程" });
    await agenda.getByText("会议已结束，不再接受回复、议题和签到").waitFor();
    assert.equal(await page.getByRole("form", { name: "提议议题" }).count(), 0);
    assert.equal(
      await page.getByRole("radiogroup", { name: "我的回复" }).count(),
      0,
    );
    assert.equal(await page.getByRole("button", { name: "去签到" }).count(), 0);
    assert.equal(await page.getByText("签到二维码").count(), 0);
  });
});

test("a completed meeting offers the convener no check-in kit and no checking people in", async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, "convener@example.com");
    const list = await openPast(page);
    await list
      .getByRole("article", { name: NEWER })
      .first()
      .getByRole("link", { name: NEWER })
      .click();
    await page.getByRole("heading", { name: NEWER }).first().waitFor();
    const attendance = page.getByRole("region", { name: "参会与签到" });
    await attendance.getByRole("list").first().waitFor();
    assert.equal(await page.getByText("签到二维码").count(), 0);
    assert.equal(
      await page.getByRole("button", { name: /^为 .* 签到$/ }).count(),
      0,
    );
    assert.equal(await page.getByRole("form", { name: "提议议题" }).count(), 0);
    await page.getByText("会议已结束，不再接受回复、议题和签到").waitFor();
  });
});
