// Co-construction from agreement to public news, as issue 10 tells it: an agreement of the
// consortium between three member organizations with three commitments (drafted through the API;
// its own pages are tested in agreements.test.mjs); an organization admin creates an activity for one
// of the commitments, uploads two photos from a phone and publishes it; signed out, the news article
// shows it with its cover; the agreement page lists it under the commitment it serves, and the
// secretariat attaches the signed scan.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONSORTIUM, DESKTOP, gql, launchBrowser, logIn, png, tokenOf, withPage } from './helpers.mjs';

const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const stamp = Date.now();
const THEME = `e2e 共建活动：结对走访 ${stamp}`;
const COMMITMENTS = [`共建目标一：联合开展主题党日 ${stamp}`, `共建目标二：共享党员教育阵地 ${stamp}`, `共建目标三：结对帮扶 ${stamp}`];
const CAPTION = `三方党员座谈 ${stamp}`;
const state = {};

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** `YYYY-MM-DD HH:mm` `days` from now at `hour`:00, as typed into the date-time pickers. */
function dateTimeIn(days, hour) {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(hour)}:00`;
}

test('1. the secretariat drafts an agreement between three members with three commitments', async () => {
  const token = await tokenOf('secretariat@example.com');
  const listed = await gql(token, '{ alliances(first: 50) { nodes { id name } } }');
  const consortium = listed.alliances.nodes.find((a) => a.name === CONSORTIUM);
  assert.ok(consortium, 'the consortium is seeded');
  const members = await gql(
    token,
    'query($id: ID!) { alliance(id: $id) { members(first: 20) { nodes { organization { id name } } } } }',
    { id: consortium.id },
  );
  const orgs = members.alliance.members.nodes.map((m) => m.organization);
  const plastics = orgs.find((o) => o.name === '省塑料协会');
  assert.ok(plastics, 'the organization admin’s organization is a member');
  const parties = [plastics, ...orgs.filter((o) => o.id !== plastics.id).slice(0, 2)];
  assert.equal(parties.length, 3);
  const today = new Date().toISOString().slice(0, 10);
  const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  const created = await gql(
    token,
    'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { id } userErrors { field code } } }',
    {
      input: {
        allianceId: consortium.id,
        title: `三方共建协议 ${stamp}`,
        body: '## 共建内容\n\n三方结对共建。',
        validFrom: today,
        validUntil: nextYear,
        parties: parties.map((o) => o.id),
      },
    },
  );
  assert.deepEqual(created.createAgreement.userErrors, []);
  state.agreementId = created.createAgreement.agreement.id;
  for (const [index, title] of COMMITMENTS.entries()) {
    const added = await gql(
      token,
      'mutation($input: AddCommitmentInput!) { addCommitment(input: $input) { commitment { id } userErrors { field code } } }',
      { input: { agreementId: state.agreementId, ownerOrganizationId: parties[index].id, title } },
    );
    assert.deepEqual(added.addCommitment.userErrors, []);
  }
});

test('2. an organization admin creates an activity for the first commitment', async (t) => {
  assert.ok(state.agreementId, 'needs the agreement of step 1');
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'orgadmin@example.com');
    await page.getByRole('navigation').getByRole('link', { name: '共建活动' }).click();
    await page.getByRole('button', { name: '新建活动' }).click();
    const dialog = page.getByRole('dialog', { name: '新建活动' });
    await dialog.getByLabel('联盟', { exact: true }).focus();
    await page.keyboard.type(CONSORTIUM.slice(0, 6));
    await page.keyboard.press('Enter');
    await dialog.getByLabel('主题').fill(THEME);
    for (const [label, hour] of [
      ['开始时间', 9],
      ['结束时间', 11],
    ]) {
      const picker = dialog.getByLabel(label);
      await picker.fill(dateTimeIn(-1, hour));
      await picker.press('Enter');
    }
    // The commitments of the alliance's agreements are offered once the alliance is chosen.
    await dialog.getByLabel('服务的共建目标').focus();
    await page.keyboard.type(`共建目标一：联合开展主题党日 ${stamp}`);
    await page.keyboard.press('Enter');
    await dialog.getByText(COMMITMENTS[0], { exact: true }).filter({ visible: true }).waitFor();
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/activities\/[^/]+$/);
    await page.getByRole('heading', { name: THEME, level: 2 }).waitFor();
    state.activityPath = new URL(page.url()).pathname;
    await page.getByLabel('活动报道（Markdown）').fill('## 结对走访\n\n三方党员共同走访社区。');
    await page.getByRole('button', { name: '保存报道' }).click();
    await page.getByRole('button', { name: '保存报道' }).and(page.locator('[disabled]')).waitFor();
  });
});

test('3. on a phone, the organization admin uploads two photos at once', async (t) => {
  assert.ok(state.activityPath, 'needs the activity of step 2');
  await withPage(browser, t, PHONE_390, async (page) => {
    await logIn(page, 'orgadmin@example.com');
    await page.goto(state.activityPath);
    const photos = page.getByRole('region', { name: '活动照片' });
    await photos.getByText('还没有照片').waitFor();
    await photos.getByTestId('media-file-input').setInputFiles([
      { name: '走访合影.png', mimeType: 'image/png', buffer: png(640, 480, [196, 30, 58]) },
      { name: '座谈现场.png', mimeType: 'image/png', buffer: png(480, 640, [24, 144, 255]) },
    ]);
    const gallery = photos.getByRole('list', { name: '照片' });
    await gallery.getByRole('listitem').nth(1).waitFor();
    assert.equal(await gallery.getByRole('listitem').count(), 2);
    // The organizer captions the photo that is not the cover yet and makes it the cover (until one
    // is picked, the first photo stands in).
    const editor = photos.getByRole('group', { name: '照片说明与封面' });
    const makeCover = editor.getByRole('button', { name: /^将 .+ 设为封面$/ });
    assert.equal(await makeCover.count(), 1);
    const chosen = (await makeCover.getAttribute('aria-label')).replace(/^将 /, '').replace(/ 设为封面$/, '');
    const other = chosen === '走访合影.png' ? '座谈现场.png' : '走访合影.png';
    const caption = editor.getByLabel(`${chosen} 的说明`);
    await caption.fill(CAPTION);
    await caption.blur();
    await page.getByText('说明已保存').first().waitFor();
    await makeCover.click();
    await page.getByText('封面已更新').first().waitFor();
    await editor.getByRole('button', { name: `将 ${other} 设为封面` }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  });
});

test('4. published, it is on the public news with its cover, and counts under its commitment', async (t) => {
  assert.ok(state.activityPath, 'needs the activity of step 2');
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'orgadmin@example.com');
    await page.goto(state.activityPath);
    await page.getByRole('button', { name: '标记完成' }).click();
    await page.getByText('已完成', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('已发布', { exact: true }).first().waitFor();
  });

  // Signed out, without JavaScript: the article has the cover, and so has its share card.
  await withPage(browser, t, { ...DESKTOP, javaScriptEnabled: false }, async (page) => {
    await page.goto('/news');
    await page.getByRole('link', { name: THEME }).first().click();
    await page.waitForURL(/\/news\/[^/]+$/);
    await page.getByRole('heading', { name: THEME, level: 1 }).waitFor();
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    assert.match(image ?? '', /\/media\/public\/[0-9a-f-]+\/web$/);
    const cover = page.locator('img[src*="/media/public/"]').first();
    await cover.waitFor();
    // The cover the organizer picked is the one with the caption, and the share card shows it.
    const picked = page.locator('figure', { hasText: CAPTION }).locator('img');
    assert.equal(await picked.getAttribute('alt'), CAPTION);
    assert.equal(new URL(image).pathname, await picked.getAttribute('src').then((src) => new URL(src, image).pathname));
    const response = await page.request.get(image);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['cache-control'] ?? '', /public/);
  });

  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'secretariat@example.com');
    await page.goto(`/agreements/${state.agreementId}`);
    const served = page.getByLabel(`「${COMMITMENTS[0]}」的共建活动`);
    await served.getByRole('link', { name: THEME }).waitFor();
    assert.equal(await page.getByLabel(`「${COMMITMENTS[1]}」的共建活动`).count(), 0);

    // The signed scan is attached to the agreement and opens through a signed link.
    const attachments = page.getByRole('region', { name: '协议附件' });
    await attachments.getByText('尚未上传签署扫描件').waitFor();
    await attachments.getByTestId('media-file-input').setInputFiles([
      {
        name: '签署扫描件.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
      },
    ]);
    const link = attachments.getByRole('link', { name: '签署扫描件.pdf' });
    await link.waitFor();
    assert.match((await link.getAttribute('href')) ?? '', /^\/media\/[0-9a-f-]+\/original\?exp=\d+&sig=/);
  });
});
