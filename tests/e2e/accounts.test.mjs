// Accounts: forgot password (the link read from the dev outbox), and editing one's own profile.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, PHONE, launchBrowser, logIn, withPage } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The newest message to `to` in the dev outbox (the server delivers it from a background job). */
async function lastMessage(to, matching) {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const response = await fetch(`${BASE_URL}/dev/outbox?to=${encodeURIComponent(to)}`);
    assert.equal(response.status, 200, 'the dev outbox is served under ALLIANCE_DEV');
    const messages = await response.json();
    const found = messages.find((m) => matching.test(m.body));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no message to ${to} matching ${matching}`);
}

test('a forgotten password is reset from the mailed link, on a phone', async (t) => {
  await withPage(browser, t, PHONE, async (page) => {
    await page.goto('/login');
    const forgot = page.getByRole('link', { name: '忘记密码？' });
    const box = await forgot.boundingBox();
    assert.ok(box && box.height >= 44, `the link is a 44 px touch target (${box?.height})`);
    await forgot.click();
    await page.getByRole('heading', { name: '找回密码', level: 1 }).waitFor();
    await page.getByLabel('邮箱或手机号').fill('Sun.Li@example.com');
    await page.getByRole('button', { name: '发送重置链接' }).click();
    await page.getByText('请查收邮件或短信').waitFor();

    const mail = await lastMessage('sun.li@example.com', /\/reset-password\//);
    const link = mail.body.match(/https?:\/\/\S+\/reset-password\/\S+/)[0];
    await page.goto(new URL(link).pathname);
    await page.getByRole('heading', { name: '设置新密码', level: 1 }).waitFor();
    await page.getByLabel('新密码', { exact: true }).fill('sun-li-new-secret-1');
    await page.getByLabel('确认新密码').fill('sun-li-new-secret-1');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByText('密码已重置').waitFor();

    // The link works once.
    await page.goto(new URL(link).pathname);
    await page.getByLabel('新密码', { exact: true }).fill('another-secret-22');
    await page.getByLabel('确认新密码').fill('another-secret-22');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByText('此链接已经使用过。').waitFor();

    await logIn(page, 'sun.li@example.com', 'sun-li-new-secret-1');
  });
});

test('a person edits their own name and picks English on the profile page', async (t) => {
  await withPage(browser, t, PHONE, async (page) => {
    await logIn(page, 'gao.xiang@example.com');
    await page.goto('/profile');
    const form = page.getByRole('form', { name: '编辑个人资料' });
    await form.getByLabel('姓名').fill('高翔（海疆）');
    await form.getByText('English').click();
    await form.getByRole('button', { name: '保存' }).click();
    // Saving the language switches the UI to it.
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const details = page.getByRole('heading', { name: 'Details' });
    await details.waitFor();
    await page.getByText('高翔（海疆）').first().waitFor();
    // Saved on the server: a reload shows the new name.
    await page.reload();
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    const edit = page.getByRole('form', { name: 'Edit profile' });
    assert.equal(await edit.getByLabel('Name').inputValue(), '高翔（海疆）');
    // A blank name is refused and names the field.
    await edit.getByLabel('Name').fill(' ');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter your name').waitFor();
  });
});
