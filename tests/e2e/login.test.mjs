import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONSORTIUM, DESKTOP, launchBrowser, logIn, pathnameOf, withPage } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a member logs in to the dashboard with their alliance; the profile shows their organization', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'member@example.com');
    await page.getByRole('main').getByRole('link', { name: CONSORTIUM, exact: true }).first().waitFor();
    // A plain member is offered neither the integration tokens nor the administration pages.
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '联盟' }).waitFor();
    for (const name of ['集成令牌', '用户管理', '审计日志']) {
      assert.equal(await nav.getByRole('link', { name }).count(), 0, name);
    }
    await nav.getByRole('link', { name: '个人中心' }).click();
    await page.getByRole('heading', { name: '个人中心', level: 1 }).waitFor();
    await page.getByText('华安证券公益基金会', { exact: true }).waitFor();
    await page.getByText(CONSORTIUM, { exact: true }).waitFor();
    // The alliance's translated kind and status, not the raw enum values.
    await page.getByText('联合体', { exact: true }).first().waitFor();
    await page.getByText('运行中', { exact: true }).first().waitFor();
    assert.equal(await page.getByText('CONSORTIUM', { exact: true }).count(), 0);
  });
});

test('a wrong password shows the translated error and stays on the login page', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    // A successful login clears the account's failure count, so failures of earlier runs never add
    // up to a lock-out (five in the throttle window): the wrong password below is always the first.
    await logIn(page, 'supervisor@example.com');
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login$/);

    await page.getByLabel('邮箱或手机号').fill('supervisor@example.com');
    await page.getByLabel('密码', { exact: true }).fill('not-the-password-2026');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: '登录名或密码错误' });
    await alert.waitFor();
    assert.equal((await alert.innerText()).trim(), '登录名或密码错误');
    assert.equal(pathnameOf(page), '/login');
    await page.getByRole('heading', { name: '登录', level: 1 }).waitFor();
    assert.equal(await page.getByRole('heading', { name: '个人中心' }).count(), 0);

    // And reset it again, leaving the account as the test found it.
    await logIn(page, 'supervisor@example.com');
  });
});

test('an app page asked for before logging in is shown after logging in', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await page.goto('/alliances');
    await page.waitForURL(/\/login\?next=%2Falliances$/);
    await page.getByLabel('邮箱或手机号').fill('member@example.com');
    await page.getByLabel('密码', { exact: true }).fill('alliance-demo-2026');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/alliances$/);
    await page.getByRole('heading', { name: '联盟', level: 1 }).waitFor();
    await page.getByText(CONSORTIUM, { exact: true }).waitFor();
  });
});

test('a supervisor, who belongs to no organization, sees the alliance they supervise on the dashboard', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'supervisor@example.com');
    await page.getByRole('main').getByRole('link', { name: CONSORTIUM, exact: true }).first().waitFor();
    assert.equal(await page.getByText('您目前在任何联盟中都没有角色。').count(), 0);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '联盟' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: '集成令牌' }).count(), 0);
  });
});
