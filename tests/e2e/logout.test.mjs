import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, launchBrowser, logIn, pathnameOf, withPage } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('logging out returns to the login page and closes the app', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'member@example.com');
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();

    // A fresh page load must not find a session left behind (the refresh cookie is revoked).
    await page.goto('/profile');
    await page.waitForURL(/\/login(\?|$)/);
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    assert.equal(pathnameOf(page), '/login');
    assert.equal(await page.getByRole('heading', { name: '个人中心' }).count(), 0);
  });
});
