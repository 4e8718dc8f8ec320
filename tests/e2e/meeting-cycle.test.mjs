// A whole joint-meeting cycle, as the people involved would go through it, each in their own browser:
// the lead convener schedules a meeting, a member organization's admin proposes an agenda item, the
// convener accepts it, a member checks in from a phone through the check-in link, the convener records
// minutes, a decision and an action item and submits them, the supervisor returns them with a comment, the
// convener changes and resubmits them, the supervisor approves them, the next meeting shows the
// open action item under "progress on earlier decisions", and once the assignee marks it done it is gone.
//
// The steps share what they create (titles carry a timestamp, so runs against the same database do not
// collide) and run in order; a failed step makes the later ones fail too.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, CONSORTIUM, DEMO_PASSWORD, DESKTOP, PHONE, gql, launchBrowser, logIn, tokenOf, withPage } from './helpers.mjs';

const ASSIGNEE = '省塑料协会';
const stamp = Date.now();
const MEETING_TITLE = `e2e 联席会议 ${stamp}`;
const NEXT_MEETING_TITLE = `e2e 下次联席会议 ${stamp}`;
const AGENDA_ITEM = `e2e 议题：联合主题党日方案 ${stamp}`;
const MINUTES_TEXT = `e2e 会议纪要 ${stamp}：五家单位出席，审议通过联合主题党日方案。`;
const RETURN_COMMENT = `请补充出席情况 ${stamp}`;
const DECISION = `e2e 决定：联合开展主题党日活动 ${stamp}`;
const ACTION_ITEM = `e2e 任务：起草活动方案 ${stamp}`;

/** Shared between the steps. */
const state = { meetingPath: '', checkInPath: '', nextMeetingPath: '' };

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** `YYYY-MM-DD HH:mm`, as typed into the date-time pickers, `days` from now at `hour`:00 local time. */
function dateTimeIn(days, hour) {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(hour)}:00`;
}

/** Types into an antd select (or picker) found by its label and picks the first match with Enter. */
async function choose(page, scope, label, text) {
  await scope.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Opens the scheduling dialog from the meetings page with the consortium, a title and a start `days` ahead at 14:00. */
async function startScheduling(page, title, days) {
  await page.getByRole('navigation').getByRole('link', { name: '会议' }).click();
  await page.getByRole('heading', { name: '会议', level: 1 }).waitFor();
  await page.getByRole('button', { name: '安排会议' }).click();
  const dialog = page.getByRole('dialog', { name: '安排联席会议' });
  await dialog.getByLabel('会议名称').waitFor();
  if ((await dialog.getByText(CONSORTIUM, { exact: true }).filter({ visible: true }).count()) === 0) {
    await choose(page, dialog, '联盟', CONSORTIUM.slice(0, 6));
    await dialog.getByText(CONSORTIUM, { exact: true }).filter({ visible: true }).waitFor();
  }
  await dialog.getByLabel('会议名称').fill(title);
  const startsAt = dialog.getByLabel('开始时间');
  await startsAt.fill(dateTimeIn(days, 14));
  await startsAt.press('Enter');
  // The end follows the start (two hours later) when it is empty.
  assert.equal(await dialog.getByLabel('结束时间').inputValue(), dateTimeIn(days, 16));
  await dialog.getByLabel('地点').fill('省社会组织党群服务中心 3 楼会议室');
  return dialog;
}

/** Schedules a meeting of the consortium from the meetings page and returns the new meeting's path. */
async function scheduleMeeting(page, title, days) {
  const dialog = await startScheduling(page, title, days);
  // The alliance's agenda deadline is shown while scheduling.
  await dialog.getByText(/^议题征集截止：.+（会前 7 天）$/).waitFor();
  await dialog.getByRole('button', { name: '安排会议' }).click();

  await page.waitForURL(/\/meetings\/[^/]+$/);
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  await page.getByText('已安排', { exact: true }).first().waitFor();
  return new URL(page.url()).pathname;
}

test('1. the lead convener schedules a joint meeting eight days from now', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'convener@example.com');
    // Eight days: the agenda closes 7 days before, so members can still propose whatever the hour.
    state.meetingPath = await scheduleMeeting(page, MEETING_TITLE, 8);

    // The page shows the place, the consortium, and the convener's check-in kit with its link.
    await page.getByText('省社会组织党群服务中心 3 楼会议室').waitFor();
    await page.getByRole('link', { name: CONSORTIUM }).waitFor();
    const attendance = page.getByRole('region', { name: '参会与签到' });
    await attendance.getByRole('img', { name: '会议签到二维码' }).first().waitFor();
    const href = await attendance.getByRole('link', { name: /\/check-in\// }).getAttribute('href');
    const checkInUrl = new URL(href ?? '', BASE_URL);
    assert.match(checkInUrl.pathname, /^\/check-in\/[^/]+$/);
    assert.ok(checkInUrl.searchParams.get('code'), 'the check-in link carries the code');
    // Opened on this server (the link's origin is the server's configured public address).
    state.checkInPath = checkInUrl.pathname + checkInUrl.search;
  });
});

test('1b. a meeting at short notice gets a later agenda deadline from its convener', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'convener@example.com');
    const dialog = await startScheduling(page, `${MEETING_TITLE}（临时）`, 3);
    // Three days ahead, the alliance's 7 days have passed: the convener is warned and may set a later one.
    await dialog.getByText(/议题征集已于 .+ 截止，成员单位将无法提交议题/).waitFor();
    const deadline = dialog.getByLabel('议题征集截止时间');
    await deadline.fill(dateTimeIn(2, 18));
    await deadline.press('Enter');
    await dialog.getByRole('button', { name: '安排会议' }).click();
    await page.waitForURL(/\/meetings\/[^/]+$/);
    const agenda = page.getByRole('region', { name: '会议议程' });
    await agenda.getByText(/^议题征集截止于 /).waitFor();
    assert.equal(await agenda.getByText(/议题征集已于/).count(), 0);
  });
});

test('2. an organization admin of a member proposes an agenda item', async (t) => {
  assert.ok(state.meetingPath, 'needs the meeting of step 1');
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'orgadmin@example.com');
    await page.goto(state.meetingPath);
    await page.getByRole('heading', { name: MEETING_TITLE, level: 1 }).waitFor();

    const agenda = page.getByRole('region', { name: '会议议程' });
    await agenda.getByText('议题征集截止于', { exact: false }).waitFor();
    await agenda.getByLabel('议题', { exact: true }).fill(AGENDA_ITEM);
    await agenda.getByLabel('时长（分钟）').fill('20');
    await agenda.getByRole('button', { name: '提交议题' }).click();
    await page.getByText('议题已提交，等待轮值召集人审议').waitFor();

    // Waiting for the convener: listed among the proposals, with no buttons to decide on it.
    await agenda.getByText(AGENDA_ITEM).waitFor();
    await agenda.getByText('待审议', { exact: true }).first().waitFor();
    assert.equal(await agenda.getByRole('button', { name: `采纳议题“${AGENDA_ITEM}”`, exact: true }).count(), 0);
  });
});

test('3. the convener accepts the proposed item onto the agenda', async (t) => {
  assert.ok(state.meetingPath, 'needs the meeting of step 1');
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'convener@example.com');
    await page.goto(state.meetingPath);
    const agenda = page.getByRole('region', { name: '会议议程' });
    await agenda.getByRole('button', { name: `采纳议题“${AGENDA_ITEM}”`, exact: true }).click();
    await page.getByText('已采纳议题').waitFor();

    // Now part of the agenda in order, with its time; nothing left to decide.
    await agenda.getByText(new RegExp(`^\\d+\\. ${AGENDA_ITEM}$`)).waitFor();
    await agenda.getByText('20 分钟').waitFor();
    await agenda.getByRole('button', { name: `采纳议题“${AGENDA_ITEM}”`, exact: true }).waitFor({ state: 'detached' });
  });
});

test('4. a member checks in on a phone through the check-in link', async (t) => {
  assert.ok(state.checkInPath, 'needs the check-in link of step 1');
  await withPage(browser, t, PHONE, async (page) => {
    // Scanning the QR code opens the link; logging in first comes back to it with the code.
    await page.goto(state.checkInPath);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('邮箱或手机号').fill('member@example.com');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/check-in/'));

    await page.getByRole('heading', { name: MEETING_TITLE, level: 1 }).waitFor();
    // A week ahead, check-in is not open yet: the page says when it opens and offers no button.
    await page.getByText(/^签到将于 .+ 开放$/).waitFor();
    assert.equal(await page.getByRole('button', { name: '签到', exact: true }).count(), 0);

    // The convener moves the meeting up to start within the hour: check-in opens.
    const convener = await tokenOf('convener@example.com');
    const meetingId = state.meetingPath.split('/').pop();
    const read = await gql(convener, 'query($id: ID!) { meeting(id: $id) { version } }', { id: meetingId });
    const starts = new Date(Date.now() + 30 * 60_000);
    const moved = await gql(
      convener,
      'mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { userErrors { field code } } }',
      {
        i: {
          id: meetingId,
          version: read.meeting.version,
          startsAt: starts.toISOString(),
          endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
        },
      },
    );
    assert.deepEqual(moved.updateMeeting.userErrors, []);
    await page.reload();
    const code = new URL(state.checkInPath, BASE_URL).searchParams.get('code');
    assert.equal(await page.getByLabel('签到码').inputValue(), code);
    const button = page.getByRole('button', { name: '签到', exact: true });
    const box = await button.boundingBox();
    assert.ok(box && box.height >= 48 && box.width >= 300, `the check-in button is big enough to tap: ${JSON.stringify(box)}`);
    await button.click();

    await page.getByText('签到成功').waitFor();
    await page.getByText(/^签到时间：/).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  });
});

test('5. the convener records minutes, a decision and an action item for 省塑料协会', async (t) => {
  assert.ok(state.meetingPath, 'needs the meeting of step 1');
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'convener@example.com');
    await page.goto(state.meetingPath);
    await page.getByRole('heading', { name: MEETING_TITLE, level: 1 }).waitFor();

    // The member's check-in shows in the attendance.
    const attendance = page.getByRole('region', { name: '参会与签到' });
    await attendance.getByText(/已签到 [1-9]\d* \/ 应到 \d+/).waitFor();

    // Starting a meeting asks first.
    await page.getByRole('button', { name: '开始会议' }).click();
    const start = page.getByRole('dialog', { name: '开始会议' });
    await start.getByText(`确定现在开始“${MEETING_TITLE}”吗？`, { exact: false }).waitFor();
    await start.getByRole('button', { name: '开始会议' }).click();
    await page.getByText('进行中', { exact: true }).first().waitFor();

    const minutes = page.getByRole('region', { name: '会议纪要' });
    await minutes.getByLabel('会议纪要（Markdown）').fill(`## 会议情况\n\n${MINUTES_TEXT}`);
    await minutes.getByRole('tab', { name: '预览' }).click();
    await minutes.getByRole('heading', { name: '会议情况' }).waitFor();
    await minutes.getByRole('button', { name: '保存纪要' }).click();
    await page.getByText('纪要已保存').waitFor();
    await minutes.getByText('草稿', { exact: true }).waitFor();

    const decisions = page.getByRole('region', { name: '会议决定' });
    await decisions.getByLabel('决定事项', { exact: true }).fill(DECISION);
    await decisions.getByRole('button', { name: '记录决定' }).click();
    await decisions.getByText(`1. ${DECISION}`).waitFor();

    const actionItems = page.getByRole('region', { name: '任务分工' });
    await actionItems.getByRole('button', { name: '新建任务' }).click();
    const form = actionItems.getByRole('form', { name: '新建任务' });
    await form.getByLabel('任务', { exact: true }).fill(ACTION_ITEM);
    await choose(page, form, '对应决定', 'e2e 决定');
    await choose(page, form, '责任单位', ASSIGNEE);
    await form.getByText(ASSIGNEE, { exact: true }).filter({ visible: true }).waitFor();
    await form.getByRole('button', { name: '创建任务' }).click();
    await page.getByText('任务已创建').waitFor();

    const item = actionItems.getByRole('listitem').filter({ hasText: ACTION_ITEM });
    await item.getByText(`责任单位: ${ASSIGNEE}`).waitFor();
    await item.getByText('未开始', { exact: true }).waitFor();
    await item.getByText(DECISION).waitFor();

    // Done: the minutes go to the supervisors for approval.
    await minutes.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交审核' }).click();
    await page.getByText('纪要已提交审核').first().waitFor();
    await minutes.getByText('待审核', { exact: true }).waitFor();
  });
});

test('6a. the supervisor returns the minutes with a comment', async (t) => {
  assert.ok(state.meetingPath, 'needs the meeting of step 1');
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'supervisor@example.com');
    // The hand-off reached the supervisor.
    await page.goto('/notifications');
    await page.getByText(`会议「${MEETING_TITLE}」的纪要已提交，待您审核`).first().waitFor();
    await page.goto(state.meetingPath);
    const minutes = page.getByRole('region', { name: '会议纪要' });
    await minutes.getByText(MINUTES_TEXT).waitFor();
    await minutes.getByText('待审核', { exact: true }).waitFor();
    // A supervisor reads the submitted minutes but cannot edit them.
    assert.equal(await minutes.getByLabel('会议纪要（Markdown）').count(), 0);

    await minutes.getByRole('button', { name: '退回修改' }).click();
    const dialog = page.getByRole('dialog', { name: '退回会议纪要' });
    // The comment is required.
    await dialog.getByRole('button', { name: '退回修改' }).click();
    await dialog.getByText('请填写修改意见').waitFor();
    await dialog.getByLabel('修改意见').fill(RETURN_COMMENT);
    await dialog.getByRole('button', { name: '退回修改' }).click();
    await page.getByText('纪要已退回修改').first().waitFor();
    await minutes.getByText('已退回', { exact: true }).waitFor();
  });
});

test('6b. the convener reads the comment, changes the minutes and submits them again', async (t) => {
  assert.ok(state.meetingPath, 'needs the meeting of step 1');
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'convener@example.com');
    await page.goto(state.meetingPath);
    const minutes = page.getByRole('region', { name: '会议纪要' });
    await minutes.getByText(RETURN_COMMENT).waitFor();
    const editor = minutes.getByLabel('会议纪要（Markdown）');
    await editor.fill(`${await editor.inputValue()}\n\n## 出席情况\n\n五家成员单位全部出席。`);
    await minutes.getByRole('button', { name: '保存纪要' }).click();
    await page.getByText('纪要已保存').waitFor();
    await minutes.getByText('草稿', { exact: true }).waitFor();
    await minutes.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交审核' }).click();
    await minutes.getByText('待审核', { exact: true }).waitFor();
    await minutes.getByText(RETURN_COMMENT).waitFor({ state: 'detached' });

    // Ending the meeting asks first; then check-in and proposals are closed.
    await page.getByRole('button', { name: '结束会议' }).click();
    await page.getByRole('dialog', { name: '结束会议' }).getByRole('button', { name: '结束会议' }).click();
    await page.getByText('已结束', { exact: true }).first().waitFor();
  });
});

test('6c. the supervisor approves the minutes', async (t) => {
  assert.ok(state.meetingPath, 'needs the meeting of step 1');
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'supervisor@example.com');
    await page.goto(state.meetingPath);
    const minutes = page.getByRole('region', { name: '会议纪要' });
    await minutes.getByText('五家成员单位全部出席。').waitFor();
    await minutes.getByText('待审核', { exact: true }).waitFor();

    await minutes.getByRole('button', { name: '批准纪要' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '批准纪要' }).click();
    await page.getByText('纪要已批准').first().waitFor();
    await minutes.getByText('已批准', { exact: true }).waitFor();
    await minutes.getByText(/于 .+ 批准$/).waitFor();
    await minutes.getByRole('button', { name: '批准纪要' }).waitFor({ state: 'detached' });
  });
});

test('7. the next meeting shows the open action item under progress on earlier decisions', async (t) => {
  assert.ok(state.meetingPath, 'needs the meeting of step 1');
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'convener@example.com');
    state.nextMeetingPath = await scheduleMeeting(page, NEXT_MEETING_TITLE, 14);
    assert.notEqual(state.nextMeetingPath, state.meetingPath);

    const earlier = page.getByRole('region', { name: '上次会议决定事项进展' });
    const item = earlier.getByRole('listitem').filter({ hasText: ACTION_ITEM });
    await item.waitFor();
    await item.getByText(`责任单位: ${ASSIGNEE}`).waitFor();
    await item.getByText('未开始', { exact: true }).waitFor();
    await item.getByRole('link', { name: MEETING_TITLE }).waitFor();
  });
});

test('8. the assignee marks the action item done and it leaves the next meeting', async (t) => {
  assert.ok(state.nextMeetingPath, 'needs the next meeting of step 7');
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'orgadmin@example.com');
    await page.getByRole('navigation').getByRole('link', { name: '我的任务' }).click();
    await page.getByRole('heading', { name: '我的任务', level: 1 }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: ACTION_ITEM });
    await item.getByText('未开始', { exact: true }).waitFor();
    await item.getByRole('button', { name: `更新任务“${ACTION_ITEM}”的进展` }).click();

    const dialog = page.getByRole('dialog', { name: '更新任务进展' });
    // antd's button-style radios hide the input itself; a person clicks the visible option.
    await dialog.getByText('已完成', { exact: true }).click();
    assert.equal(await dialog.getByRole('radio', { name: '已完成' }).isChecked(), true);
    await dialog.getByLabel('进展说明').fill('方案已起草完毕并报送轮值单位');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('任务已更新').waitFor();
    // Done items leave the list of open ones.
    await item.waitFor({ state: 'detached' });

    await page.goto(state.nextMeetingPath);
    await page.getByRole('heading', { name: NEXT_MEETING_TITLE, level: 1 }).waitFor();
    const earlier = page.getByRole('region', { name: '上次会议决定事项进展' });
    await earlier.waitFor();
    assert.equal(await earlier.getByText(ACTION_ITEM).count(), 0);
  });
});
