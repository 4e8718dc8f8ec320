// Hand-offs reach the next person while their page is open: each step of a meeting's cycle is
// taken (through the API, as another person's browser would), and the recipient's bell — already
// open, never reloaded — counts it; the notifications page lists a new one as it arrives.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  BASE_URL,
  CONSORTIUM,
  DESKTOP,
  gql,
  launchBrowser,
  logIn,
  tokenOf,
} from "./helpers.mjs";

const stamp = Date.now();
const TITLE = `e2e 实时交接会议 ${stamp}`;
const PROPOSAL = `e2e 实时议题 ${stamp}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A signed-in page of `login` on the dashboard, in a context of its own. */
async function openAs(login) {
  const context = await browser.newContext({
    ...DESKTOP,
    baseURL: BASE_URL,
    locale: "zh-CN",
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await logIn(page, login);
  await page.goto("/");
  await bell(page).waitFor();
  return page;
}

function bell(page) {
  return page.locator('a[href="/notifications"]').first();
}

/** The bell's unread count, read from its accessible name ("通知，3 条未读" or "通知"). */
async function unread(page) {
  const label = (await bell(page).getAttribute("aria-label")) ?? "";
  const match = label.match(/(\d+)/);
  return match ? Number(match[1]) : 0;
}

/**
 * Waits until the bell shows the count the API reports for `token` (its first answer has arrived), so
 * that a count read next is not the blank bell of a page still loading.
 */
async function bellSettles(page, token) {
  const { unreadNotificationCount: count } = await gql(
    token,
    "{ unreadNotificationCount }",
  );
  await page.waitForFunction(
    (n) => {
      const label =
        document
          .querySelector('a[href="/notifications"]')
          ?.getAttribute("aria-label") ?? "";
      const match = label.match(/(\d+)/);
      return (match ? Number(match[1]) : 0) === n;
    },
    count,
    { timeout: 20_000 },
  );
}

/** Waits until the bell shows more than `before`, without reloading. */
async function bellRises(page, before, what) {
  await page.waitForFunction(
    (n) => {
      const label =
        document
          .querySelector('a[href="/notifications"]')
          ?.getAttribute("aria-label") ?? "";
      const match = label.match(/(\d+)/);
      return (match ? Number(match[1]) : 0) > n;
    },
    before,
    { timeout: 20_000 },
  );
  assert.ok((await unread(page)) > before, what);
}

const MEETING_FIELDS = "meeting { id version } userErrors { field code }";

test("every hand-off of a meeting reaches the next person on the page they have open", async () => {
  const [convener, orgAdmin, supervisor, member] = await Promise.all(
    [
      "convener@example.com",
      "orgadmin@example.com",
      "supervisor@example.com",
      "member@example.com",
    ].map((login) => tokenOf(login)),
  );
  const alliances = await gql(
    convener,
    "{ alliances(first: 50) { nodes { id name } } }",
  );
  const consortium = alliances.alliances.nodes.find(
    (a) => a.name === CONSORTIUM,
  );
  const starts = new Date(Date.now() + 9 * 86_400_000);
  const ends = new Date(starts.getTime() + 2 * 3_600_000);
  const scheduled = await gql(
    convener,
    `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`,
    {
      input: {
        allianceId: consortium.id,
        title: TITLE,
        startsAt: starts.toISOString(),
        endsAt: ends.toISOString(),
      },
    },
  );
  assert.deepEqual(scheduled.scheduleMeeting.userErrors, []);
  let meeting = scheduled.scheduleMeeting.meeting;

  const pages = {
    convener: await openAs("convener@example.com"),
    orgAdmin: await openAs("orgadmin@example.com"),
    supervisor: await openAs("supervisor@example.com"),
    member: await openAs("member@example.com"),
  };
  try {
    // The convener keeps the notifications page open: the proposal appears in the list too.
    await pages.convener.goto("/notifications");
    await bell(pages.convener).waitFor();
    await bellSettles(pages.convener, convener);

    // 1. A proposal → the convener.
    let before = await unread(pages.convener);
    const proposed = await gql(
      orgAdmin,
      "mutation($m: ID!, $t: String!) { proposeAgendaItem(input: {meetingId: $m, title: $t}) { agendaItem { id } } }",
      { m: meeting.id, t: PROPOSAL },
    );
    await bellRises(
      pages.convener,
      before,
      "the convener hears of the proposal",
    );
    await pages.convener.getByText(PROPOSAL).first().waitFor();

    // 2. The decision → the proposer.
    await bellSettles(pages.orgAdmin, orgAdmin);
    before = await unread(pages.orgAdmin);
    await gql(
      convener,
      "mutation($i: ID!) { decideAgendaItem(input: {id: $i, accept: true}) { agendaItem { status } } }",
      {
        i: proposed.proposeAgendaItem.agendaItem.id,
      },
    );
    await bellRises(
      pages.orgAdmin,
      before,
      "the proposer hears of the decision",
    );

    // 3. Minutes submitted → the supervisor.
    const save =
      "mutation($m: ID!, $b: String!, $v: Int) { saveMinutes(input: {meetingId: $m, body: $b, version: $v}) { minutes { version } } }";
    const submit =
      "mutation($m: ID!, $v: Int!) { submitMinutes(input: {meetingId: $m, version: $v}) { minutes { version } userErrors { code } } }";
    let minutes = (
      await gql(convener, save, { m: meeting.id, b: "# 纪要\n\n初稿" })
    ).saveMinutes.minutes;
    await bellSettles(pages.supervisor, supervisor);
    before = await unread(pages.supervisor);
    minutes = (
      await gql(convener, submit, { m: meeting.id, v: minutes.version })
    ).submitMinutes.minutes;
    await bellRises(
      pages.supervisor,
      before,
      "the supervisor is asked to review",
    );

    // 4. Returned for changes → the writer.
    await bellSettles(pages.convener, convener);
    before = await unread(pages.convener);
    minutes = (
      await gql(
        supervisor,
        'mutation($m: ID!, $v: Int!) { returnMinutes(input: {meetingId: $m, version: $v, comment: "请补充决定事项"}) { minutes { version } } }',
        { m: meeting.id, v: minutes.version },
      )
    ).returnMinutes.minutes;
    await bellRises(
      pages.convener,
      before,
      "the writer hears the minutes came back",
    );

    // 5. Approved → the members.
    minutes = (
      await gql(convener, save, {
        m: meeting.id,
        b: "# 纪要\n\n定稿",
        v: minutes.version,
      })
    ).saveMinutes.minutes;
    minutes = (
      await gql(convener, submit, { m: meeting.id, v: minutes.version })
    ).submitMinutes.minutes;
    await bellSettles(pages.member, member);
    before = await unread(pages.member);
    await gql(
      supervisor,
      "mutation($m: ID!, $v: Int!) { approveMinutes(input: {meetingId: $m, version: $v}) { minutes { status } } }",
      {
        m: meeting.id,
        v: minutes.version,
      },
    );
    await bellRises(
      pages.member,
      before,
      "members hear the minutes were approved",
    );

    // 6. Moved, then cancelled → every invitee.
    const update = `mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { ${MEETING_FIELDS} } }`;
    const later = new Date(starts.getTime() + 86_400_000);
    await bellSettles(pages.member, member);
    before = await unread(pages.member);
    meeting = (
      await gql(convener, update, {
        i: {
          id: meeting.id,
          version: meeting.version,
          startsAt: later.toISOString(),
          endsAt: new Date(later.getTime() + 7_200_000).toISOString(),
        },
      })
    ).updateMeeting.meeting;
    await bellRises(pages.member, before, "invitees hear the meeting moved");
    await bellSettles(pages.member, member);
    before = await unread(pages.member);
    await gql(convener, update, {
      i: { id: meeting.id, version: meeting.version, status: "CANCELLED" },
    });
    await bellRises(
      pages.member,
      before,
      "invitees hear the meeting was cancelled",
    );
  } finally {
    await Promise.all(
      Object.values(pages).map((page) => page.context().close()),
    );
  }
});
