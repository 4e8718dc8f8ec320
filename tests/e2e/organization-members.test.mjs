// The organization page and its member management: the admin of 省塑料协会 invites a person by phone,
// the invitee accepts in their own browser, the admin changes the new member's position and then
// deactivates them; a plain member of another organization sees the members but no controls; naming a
// second secretary is refused with the translated error (on a phone).
//
// Each run invites a new person whose name and phone carry a timestamp, and deactivates them again, so
// the demo people other tests rely on are left as they are.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONSORTIUM, DESKTOP, PHONE, launchBrowser, logIn, withPage } from './helpers.mjs';

const ORGANIZATION = '省塑料协会';
const stamp = Date.now();
const NEW_MEMBER = `e2e 新成员 ${stamp}`;
const NEW_PHONE = `139${String(stamp).slice(-8)}`;
const NEW_PASSWORD = `e2e-password-${stamp}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Types into an antd select found by its label and picks the first match with Enter. */
async function choose(page, scope, label, text) {
  await scope.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Today as the date pickers show it (YYYY-MM-DD, local time). */
/** Today in Beijing, the zone of the browser below and of the organizations' dates. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

async function waitForOrganizationPage(page) {
  await page.waitForURL(/\/organizations\/[^/]+$/);
  await page.getByRole('heading', { name: ORGANIZATION, level: 1, exact: true }).waitFor();
}

test('an organization admin invites a member by phone, who accepts; the admin changes their position and deactivates them', async (t) => {
  // A browser on Beijing time, as the organization's people use: a leave date picked after 16:00 UTC
  // is then the same day as the join date the server records (in Beijing), not the day before.
  await withPage(browser, t, { ...DESKTOP, timezoneId: 'Asia/Shanghai' }, async (page) => {
    await logIn(page, 'orgadmin@example.com');
    // From the alliance page's member list to the organization.
    await page.getByRole('navigation').getByRole('link', { name: '联盟' }).click();
    await page.getByRole('link', { name: CONSORTIUM }).click();
    await page.getByRole('heading', { name: CONSORTIUM, level: 1, exact: true }).waitFor();
    await page.getByRole('link', { name: ORGANIZATION, exact: true }).click();
    await waitForOrganizationPage(page);
    await page.getByRole('link', { name: CONSORTIUM }).waitFor();

    const members = page.getByRole('region', { name: '单位成员' });
    await members.getByRole('row').filter({ hasText: '孙丽' }).getByText('书记', { exact: true }).waitFor();
    assert.equal(await members.getByText(NEW_MEMBER).count(), 0);

    // Invite by phone: no e-mail, so the link is to be passed on by hand.
    await members.getByRole('button', { name: '邀请成员' }).click();
    const form = page.getByRole('dialog', { name: '邀请成员' });
    await form.getByLabel('姓名').fill(NEW_MEMBER);
    await form.getByLabel('手机号').fill(NEW_PHONE);
    await form.getByRole('button', { name: '发送邀请' }).click();

    const sent = page.getByRole('dialog', { name: '邀请已创建' });
    const link = sent.getByLabel('邀请链接');
    await link.getByText('/invitations/').waitFor();
    const acceptUrl = new URL(((await link.textContent()) ?? '').trim());
    assert.match(acceptUrl.pathname, /^\/invitations\/[^/]+$/);
    await sent.getByRole('button', { name: '复制链接' }).waitFor();
    await sent.getByText('请通过电话、短信或微信把链接转交给受邀人', { exact: false }).waitFor();
    assert.equal(await sent.getByText('同时发送到邮箱', { exact: false }).count(), 0);
    await sent.getByRole('button', { name: '完成' }).click();
    await sent.waitFor({ state: 'hidden' });
    // Not a member until the invitation is accepted.
    assert.equal(await members.getByText(NEW_MEMBER).count(), 0);

    // The invitee opens the link in their own browser (on this server: the link's origin is the
    // server's configured public address) and sets a password.
    await withPage(browser, t, DESKTOP, async (invitee) => {
      await invitee.goto(acceptUrl.pathname);
      await invitee.getByRole('heading', { name: '接受邀请', level: 1 }).waitFor();
      await invitee.getByText(NEW_MEMBER, { exact: true }).waitFor();
      await invitee.getByLabel('设置密码').fill(NEW_PASSWORD);
      await invitee.getByLabel('确认密码').fill(NEW_PASSWORD);
      await invitee.getByRole('button', { name: '接受邀请并登录' }).click();
      await invitee.waitForURL(/\/profile$/);
      await invitee.getByRole('link', { name: ORGANIZATION, exact: true }).waitFor();
    });

    await page.reload();
    await waitForOrganizationPage(page);
    const row = members.getByRole('row').filter({ hasText: NEW_MEMBER });
    await row.getByText('党员', { exact: true }).waitFor();
    await row.getByText(NEW_PHONE, { exact: false }).waitFor();

    await row.getByRole('button', { name: `调整职务：${NEW_MEMBER}` }).click();
    const edit = page.getByRole('dialog', { name: `调整职务：${NEW_MEMBER}` });
    await choose(page, edit, '职务', '宣传委员');
    await edit.getByText('宣传委员', { exact: true }).filter({ visible: true }).waitFor();
    await edit.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已更新 ${NEW_MEMBER} 的职务`).waitFor();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('宣传委员', { exact: true }).waitFor();

    await row.getByRole('button', { name: `停用：${NEW_MEMBER}` }).click();
    const confirm = page.getByRole('dialog', { name: `停用成员：${NEW_MEMBER}` });
    assert.equal(await confirm.getByLabel('离开日期').inputValue(), today());
    await confirm.getByRole('button', { name: '停用' }).click();
    await page.getByText(`${NEW_MEMBER} 已停用`).waitFor();
    await row.waitFor({ state: 'detached' });
    assert.equal(await members.getByText(NEW_MEMBER).count(), 0);
    await members.getByRole('row').filter({ hasText: '孙丽' }).waitFor();
  });
});

test('a plain member of another organization sees the members but no controls to manage them', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'member@example.com');
    await page.getByRole('navigation').getByRole('link', { name: '成员单位' }).click();
    await page.getByRole('heading', { name: '成员单位', level: 1 }).waitFor();
    await page.getByRole('link', { name: ORGANIZATION, exact: true }).click();
    await waitForOrganizationPage(page);

    const members = page.getByRole('region', { name: '单位成员' });
    await members.getByRole('row').filter({ hasText: '孙丽' }).getByText('书记', { exact: true }).waitFor();
    const admin = members.getByRole('row').filter({ hasText: '王芳' });
    await admin.getByText('副书记', { exact: true }).waitFor();
    await admin.getByText('单位管理员', { exact: true }).waitFor();
    await page.getByRole('link', { name: CONSORTIUM }).waitFor();

    assert.equal(await page.getByRole('button', { name: '邀请成员' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: '编辑单位信息' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^调整职务/ }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^停用/ }).count(), 0);
  });
});

test('on a phone, naming a second secretary shows the translated error', async (t) => {
  await withPage(browser, t, PHONE, async (page) => {
    await logIn(page, 'orgadmin@example.com');
    await page.goto('/profile');
    // From the profile's organizations to the organization.
    await page.getByRole('link', { name: ORGANIZATION, exact: true }).click();
    await waitForOrganizationPage(page);

    const members = page.getByRole('region', { name: '单位成员' });
    const card = members.getByRole('listitem').filter({ hasText: '王芳' });
    await card.getByText('副书记', { exact: true }).waitFor();
    await card.getByRole('button', { name: '调整职务：王芳' }).click();

    const edit = page.getByRole('dialog', { name: '调整职务：王芳' });
    await choose(page, edit, '职务', '书记');
    await edit.getByText('书记', { exact: true }).filter({ visible: true }).waitFor();
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.getByText('本单位已有书记，请先调整现任书记的职务').waitFor();
    await edit.getByRole('button', { name: '取消' }).click();
    await edit.waitFor({ state: 'hidden' });
    // Nothing changed.
    await card.getByText('副书记', { exact: true }).waitFor();

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  });
});
