// Shared resources (资源共享), as the two organizations of a pairing would use them, each in their own
// browser: 瀚恩 offers its activity room to the pairing (set up over the API), 静安's secretary books it
// from the resource page, 瀚恩's admin approves the request from the owner's inbox, and a second request
// for an overlapping slot is refused with the booking it collides with named.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, PHONE, gql, launchBrowser, logIn, tokenOf, withPage } from './helpers.mjs';

const PAIRING = '瀚恩清洁—静安区中心医院后勤党支部结对共建';
const OWNER = 'he.wei@example.com';
const REQUESTER = 'luo.gang@example.com';
const stamp = Date.now();
const RESOURCE = `e2e 党员活动室 ${stamp}`;
const PURPOSE = `e2e 主题党日 ${stamp}`;
// A day a few weeks out (varied per run, so runs against the same database do not collide).
const DAYS = 20 + (stamp % 200);

const state = { path: '' };

let browser;
before(async () => {
  browser = await launchBrowser();
  const owner = await tokenOf(OWNER);
  const ids = await gql(
    owner,
    `{ alliances(first: 100) { nodes { id name members { nodes { organization { id name } } } } } }`,
  );
  const pairing = ids.alliances.nodes.find((a) => a.name === PAIRING);
  assert.ok(pairing, 'the demo pairing exists');
  const haaen = pairing.members.nodes.map((m) => m.organization).find((o) => o.name.startsWith('瀚恩'));
  const offered = await gql(
    owner,
    `mutation($input: OfferResourceInput!) { offerResource(input: $input) { sharedResource { id } userErrors { field code } } }`,
    {
      input: {
        organizationId: haaen.id,
        allianceIds: [pairing.id],
        kind: 'VENUE',
        name: RESOURCE,
        capacity: 40,
        location: '瀚恩清洁 3 楼',
      },
    },
  );
  assert.deepEqual(offered.offerResource.userErrors, []);
  state.path = `/resources/${encodeURIComponent(offered.offerResource.sharedResource.id)}`;
});
after(async () => {
  await browser?.close();
});

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai (the pairing's zone), `days` from now at `hour`:00. */
function dateTimeIn(days, hour) {
  const day = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
  }).format(new Date(Date.now() + days * 86_400_000));
  return `${day} ${String(hour).padStart(2, '0')}:00`;
}

/** Fills the request form with [start, end) and sends it. */
async function requestSlot(page, start, end) {
  await page.getByRole('button', { name: '申请使用' }).click();
  const dialog = page.getByRole('dialog', { name: '申请使用资源' });
  const startsAt = dialog.getByLabel('开始时间');
  await startsAt.fill(start);
  await startsAt.press('Enter');
  const endsAt = dialog.getByLabel('结束时间');
  await endsAt.fill(end);
  await endsAt.press('Enter');
  await dialog.getByLabel('用途').fill(PURPOSE);
  await dialog.getByRole('button', { name: '提交申请' }).click();
  return dialog;
}

test('1. a member organization finds the resource in the registry and requests a slot', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, REQUESTER);
    await page.getByRole('navigation').getByRole('link', { name: '资源共享' }).click();
    await page.getByRole('heading', { name: '资源共享', level: 1 }).waitFor();
    await page.getByRole('link', { name: RESOURCE }).click();
    await page.getByRole('heading', { name: RESOURCE, level: 1 }).waitFor();
    await requestSlot(page, dateTimeIn(DAYS, 10), dateTimeIn(DAYS, 12));
    await page.getByText('申请已提交，等待审批').waitFor();
  });
});

test('2. the owner approves the request from its inbox', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, OWNER);
    await page.goto(state.path);
    await page.getByRole('heading', { name: RESOURCE, level: 1 }).waitFor();
    // The owner is not offered its own resource to book.
    assert.equal(await page.getByRole('button', { name: '申请使用' }).count(), 0);
    const inbox = page.getByRole('region', { name: '待审批的申请' });
    await inbox.getByText(PURPOSE).waitFor();
    await inbox.getByRole('button', { name: /^批\s?准$/ }).click();
    await page.getByText('已批准', { exact: true }).first().waitFor();
    await inbox.getByText('暂无待审批的申请').waitFor();
  });
});

test('3. an overlapping request is refused, naming the approved booking', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, REQUESTER);
    await page.goto(state.path);
    await page.getByRole('heading', { name: RESOURCE, level: 1 }).waitFor();
    const dialog = await requestSlot(page, dateTimeIn(DAYS, 11), dateTimeIn(DAYS, 13));
    const alert = dialog.getByRole('alert');
    await alert.getByText('该时段与已批准的预约冲突', { exact: false }).waitFor();
    const text = await alert.innerText();
    assert.match(text, /ResourceBooking|[A-Za-z0-9_-]{20,}/, 'the colliding booking is named');
    assert.match(text, /\d{4}-\d{2}-\d{2}T\d{2}:00:00Z/, 'with its time range');
  });
});

test('4. the resource page fits a phone', async (t) => {
  await withPage(browser, t, { ...PHONE, viewport: { width: 390, height: 844 } }, async (page) => {
    await logIn(page, REQUESTER);
    await page.goto(state.path);
    await page.getByRole('heading', { name: RESOURCE, level: 1 }).waitFor();
    await page.getByRole('button', { name: '申请使用' }).click();
    // On a phone the slot's start is a date picker and a time picker, each fitting the screen.
    const dialog = page.getByRole('dialog', { name: '申请使用资源' });
    await dialog.getByLabel('开始时间 · 日期').waitFor();
    await dialog.getByLabel('开始时间 · 时间').waitFor();
    await dialog.getByLabel('结束时间 · 日期').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
  });
});
