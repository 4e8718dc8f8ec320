import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE, launchBrowser, logIn, pathnameOf, withPage } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('on a phone the menu opens through the hamburger button and navigates', async (t) => {
  await withPage(browser, t, PHONE, async (page) => {
    await logIn(page, 'member@example.com');
    // No sider on a phone: the navigation is hidden until the menu is opened.
    assert.equal(await page.getByRole('link', { name: '成员单位' }).count(), 0);

    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('link', { name: '联盟' }).click();

    await page.waitForURL(/\/alliances$/);
    await page.getByRole('heading', { name: '联盟', level: 1 }).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    assert.equal(pathnameOf(page), '/alliances');

    // Nothing is wider than the phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
  });
});
