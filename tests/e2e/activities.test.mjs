// A joint activity from creation to the public news: an organization admin creates it, writes the
// report, completes and publishes it; then, signed out, anyone finds it on the server-rendered /news page
// (plain HTML, no script) and opens the article.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONSORTIUM, DESKTOP, launchBrowser, logIn, withPage } from './helpers.mjs';

const THEME = `e2e 共建活动：主题党日联学 ${Date.now()}`;
const REPORT = `## 联学共学\n\n五家单位党员共同学习，交流党建经验。`;

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

test('an activity is created, reported, published, and then found on /news signed out', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'orgadmin@example.com');
    await page.getByRole('navigation').getByRole('link', { name: '共建活动' }).click();
    await page.getByRole('button', { name: '新建活动' }).click();
    const dialog = page.getByRole('dialog', { name: '新建活动' });
    await dialog.getByLabel('联盟', { exact: true }).focus();
    await page.keyboard.type(CONSORTIUM.slice(0, 6));
    await page.keyboard.press('Enter');
    await dialog.getByLabel('主题').fill(THEME);
    // Yesterday, so that it can be completed at once.
    for (const [label, hour] of [
      ['开始时间', 10],
      ['结束时间', 12],
    ]) {
      const picker = dialog.getByLabel(label);
      await picker.fill(dateTimeIn(-1, hour));
      await picker.press('Enter');
    }
    await dialog.getByLabel('地点').fill('省社会组织党群服务中心');
    await dialog.getByRole('button', { name: '保存' }).click();

    await page.waitForURL(/\/activities\/[^/]+$/);
    await page.getByRole('heading', { name: THEME, level: 2 }).waitFor();
    await page.getByText('计划中', { exact: true }).first().waitFor();
    // Managers see the check-in code and link (for the QR code).
    await page.getByText(/\/activities\/[^/]+\/check-in\?code=\d{6}/).waitFor();

    await page.getByLabel('活动报道（Markdown）').fill(REPORT);
    await page.getByRole('button', { name: '保存报道' }).click();
    await page.getByRole('button', { name: '保存报道' }).and(page.locator('[disabled]')).waitFor();
    await page.getByRole('button', { name: '标记完成' }).click();
    await page.getByText('已完成', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('已发布', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '撤回发布' }).waitFor();
  });

  // Signed out (a fresh context), with JavaScript off: the news is plain HTML from the server.
  await withPage(browser, t, { ...DESKTOP, javaScriptEnabled: false }, async (page) => {
    const response = await page.goto('/news');
    assert.equal(response?.status(), 200);
    await page.getByRole('heading', { name: /新闻动态/, level: 1 }).waitFor();
    await page.getByRole('link', { name: THEME }).click();
    await page.waitForURL(/\/news\/[^/]+$/);
    await page.getByRole('heading', { name: THEME, level: 1 }).waitFor();
    await page.getByRole('heading', { name: '联学共学', level: 2 }).waitFor();
    await page.getByText('省塑料协会').first().waitFor();
    const ogTitle = await page.locator('meta[property="og:title"]').getAttribute('content');
    assert.equal(ogTitle, THEME);
  });
});
