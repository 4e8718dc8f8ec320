// Local time: a meeting of an alliance in Beijing is shown on Beijing's clock (named as 北京时间) to a
// viewer whose browser runs in Berlin, its times are edited on that clock, and the link in the
// calendar feed (.ics) opens the meeting's page; its "加入日历" button fetches the meeting's own .ics
// only when clicked.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import {
  BASE_URL,
  CONSORTIUM,
  DEMO_PASSWORD,
  DESKTOP,
  launchBrowser,
  logIn,
  withPage,
  gql,
  tokenOf,
} from "./helpers.mjs";

const stamp = Date.now();
const TITLE = `e2e 时区会议 ${stamp}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The event of an iCalendar text (lines unfolded) whose summary ends with `title`, as name → value. */
function eventOf(ics, title) {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  const event = unfolded.split("BEGIN:VEVENT").find((e) => e.includes(title));
  assert.ok(event, `no event ${title} in ${unfolded}`);
  return Object.fromEntries(
    event
      .split(/\r\n/)
      .filter((line) => line.includes(":"))
      .map((line) => [
        line.slice(0, line.indexOf(":")),
        line.slice(line.indexOf(":") + 1),
      ]),
  );
}

test("a Beijing meeting shows on Beijing time in Berlin, and its calendar link opens it", async (t) => {
  const token = await tokenOf("convener@example.com");
  const { alliances } = await gql(
    token,
    "{ alliances(first: 100) { nodes { id name timeZone } } }",
  );
  const consortium = alliances.nodes.find((a) => a.name === CONSORTIUM);
  assert.equal(consortium.timeZone, "Asia/Shanghai");
  // Ten days from now, 01:00–03:00 UTC: 09:00–11:00 in Beijing, 02:00–04:00 (or 03:00–05:00) in Berlin.
  const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const scheduled = await gql(
    token,
    "mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } userErrors { field code } } }",
    {
      i: {
        allianceId: consortium.id,
        title: TITLE,
        startsAt: `${day}T01:00:00Z`,
        endsAt: `${day}T03:00:00Z`,
      },
    },
  );
  assert.deepEqual(scheduled.scheduleMeeting.userErrors, []);

  // The link comes from the alliance's calendar feed, as a calendar application would show it.
  const feed = await gql(
    token,
    "mutation($a: ID!) { createCalendarFeed(input: { allianceId: $a }) { url } }",
    {
      a: consortium.id,
    },
  );
  const ics = await (await fetch(feed.createCalendarFeed.url)).text();
  const event = eventOf(ics, TITLE);
  assert.equal(event.DTSTART, `${day.replaceAll("-", "")}T010000Z`);
  const link = new URL(event.URL);
  assert.equal(link.origin, new URL(BASE_URL).origin);

  await withPage(
    browser,
    t,
    { ...DESKTOP, timezoneId: "Europe/Berlin" },
    async (page) => {
      assert.equal(
        await page.evaluate(
          () => Intl.DateTimeFormat().resolvedOptions().timeZone,
        ),
        "Europe/Berlin",
      );
      await logIn(page, "convener@example.com");
      const asked = [];
      page.on("request", (request) => {
        if (new URL(request.url()).pathname === "/graphql")
          asked.push(request.postData() ?? "");
      });
      await page.goto(link.pathname);
      await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
      // 09:00–11:00 (北京时间), on a 24-hour clock: Beijing's, named, not Berlin's 02:00.
      const time = page.getByText(/日 09:00–11:00 \(北京时间\)/).first();
      await time.waitFor();
      assert.doesNotMatch(await time.innerText(), /0[23]:00/);

      // Editing shows (and would save) the times on the alliance's clock too.
      await page.getByRole("button", { name: "修改" }).click();
      const dialog = page.getByRole("dialog", { name: "修改会议信息" });
      assert.equal(
        await dialog.getByLabel("开始时间").inputValue(),
        `${day} 09:00`,
      );
      assert.equal(
        await dialog.getByLabel("结束时间").inputValue(),
        `${day} 11:00`,
      );
      await dialog
        .getByText("按联盟所在时区填写：北京时间 (Asia/Shanghai)")
        .waitFor();
      await dialog.getByRole("button", { name: /取\s*消/ }).click();
      await dialog.waitFor({ state: "hidden" });

      // The page loaded without the iCalendar text; the button fetches it, then offers the file.
      assert.ok(asked.length > 0, "the page asked the API");
      assert.ok(
        asked.every((body) => !/\bics\b/.test(body)),
        "no .ics before the click",
      );
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "加入日历" }).click(),
      ]);
      assert.ok(
        asked.some((body) => /\bics\b/.test(body)),
        "the click asked for the .ics",
      );
      assert.match(download.suggestedFilename(), /\.ics$/);
      const path = await download.path();
      const own = eventOf(await readFile(path, "utf8"), TITLE);
      assert.equal(own.DTSTART, `${day.replaceAll("-", "")}T010000Z`);
    },
  );
});
