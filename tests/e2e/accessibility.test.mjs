// An accessibility check of the main pages with axe-core: no serious or critical violations, one
// <main> per page, a skip link to it, as a signed-in member on a desktop and on a 390 px phone.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { CONSORTIUM, DESKTOP, launchBrowser, logIn, tokenOf, gql, withPage } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axe = require('axe-core');

/** A 390 px wide phone (iPhone 12 to 15). */
const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let browser;
let pages;
before(async () => {
  browser = await launchBrowser();
  const token = await tokenOf('member@example.com');
  const data = await gql(
    token,
    `{ alliances(first: 20, mine: true) { nodes { id name } }
       meetings(first: 1) { nodes { id } } }`,
  );
  const alliance = data.alliances.nodes.find((a) => a.name === CONSORTIUM);
  const meeting = data.meetings.nodes[0];
  assert.ok(alliance, 'the member belongs to the consortium');
  assert.ok(meeting, 'the member sees a meeting');
  pages = [
    ['dashboard', '/'],
    ['alliance', `/alliances/${alliance.id}`],
    ['meeting', `/meetings/${meeting.id}`],
    ['check-in', `/check-in/${meeting.id}`],
    ['news', '/news'],
    ['documents', `/alliances/${alliance.id}/documents`],
    ['resources', '/resources'],
  ];
});
after(async () => {
  await browser?.close();
});

/** Waits until the page shows its content: a heading, no skeleton or spinner left. */
async function settle(page) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning, [aria-busy="true"]'));
}

/** The serious and critical axe violations of the page, one line each. */
async function violations(page) {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** What is wrong with the page's landmarks: not exactly one <main>, no skip link leading to it. */
async function landmarks(page) {
  const problems = [];
  const mains = await page.locator('main, [role="main"]').count();
  if (mains !== 1) problems.push(`${mains} <main> elements`);
  const skip = page.locator('a.skip-link, a.skip').first();
  const target = (await skip.count()) ? await skip.getAttribute('href') : null;
  if (!target) problems.push('no skip link');
  else if ((await page.locator(`main${target}`).count()) !== 1) problems.push(`the skip link leads to ${target}`);
  return problems;
}

/** Every problem of the page, prefixed with its label; none is the goal. */
async function check(page, label) {
  await settle(page);
  const found = [...(await landmarks(page)), ...(await violations(page))];
  return found.map((problem) => `${label}: ${problem}`);
}

for (const [device, options] of [
  ['desktop', DESKTOP],
  ['390 px phone', PHONE_390],
]) {
  test(`the login page has no serious accessibility violations (${device})`, async (t) => {
    await withPage(browser, t, { ...options, bypassCSP: true }, async (page) => {
      await page.goto('/login');
      assert.deepEqual(await check(page, `login (${device})`), []);
      // The login field has the focus (autofocus); the skip link, shown on screen when focused, leads to main.
      const skip = page.locator('a.skip-link');
      await skip.focus();
      const box = await skip.boundingBox();
      assert.ok(box && box.y >= 0 && box.width > 1 && box.height > 1, `the focused skip link is on screen: ${JSON.stringify(box)}`);
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    });
  });

  test(`a member's main pages have no serious accessibility violations (${device})`, async (t) => {
    await withPage(browser, t, { ...options, bypassCSP: true }, async (page) => {
      await logIn(page, 'member@example.com');
      const failures = [];
      for (const [name, path] of pages) {
        await page.goto(path);
        failures.push(...(await check(page, `${name} (${device})`)));
      }
      assert.deepEqual(failures, []);
      // On a freshly loaded page the skip link is the keyboard's first stop.
      await page.goto('/');
      await settle(page);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.equal(outline, 'solid', 'the focused skip link is outlined');
    });
  });
}
