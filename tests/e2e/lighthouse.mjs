// Lighthouse (mobile preset: a mid-range phone on a slow 4G network, simulated) on the three first
// screens people open most: the login page, the dashboard and a meeting's check-in page, with
// Debian's Chromium. Prints one row per page and writes the scores to target/lighthouse.json.
//
//   ALLIANCE_E2E_URL=http://localhost:18080 node tests/e2e/lighthouse.mjs
//
// The scores are reported, not asserted (they vary with the machine's load); the script fails only
// when Lighthouse cannot run. It needs a server with the demo data (`seed --demo`), as the browser
// tests do; scripts/test.sh runs it after them, and `scripts/test.sh --web-bench` on its own.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { BASE_URL, DEMO_PASSWORD, gql, tokenOf } from './helpers.mjs';

const DEBUG_PORT = Number(process.env.ALLIANCE_LIGHTHOUSE_PORT || 9333);
const LOGIN = 'secretariat@example.com';
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'lighthouse.json');
// Set to a directory to keep each page's full Lighthouse report (JSON) there, for a closer look.
const REPORTS = process.env.ALLIANCE_LIGHTHOUSE_REPORTS;

/** A meeting the demo account can open, for its check-in page. */
async function someMeetingId() {
  const token = await tokenOf(LOGIN);
  const data = await gql(token, '{ meetings(first: 1) { nodes { id } } }');
  const id = data.meetings.nodes[0]?.id;
  if (!id) throw new Error(`${LOGIN} sees no meeting: run the server on the demo data (seed --demo)`);
  return id;
}

/** Logs in through the form in the browser's own profile, which the audits then share (refresh cookie). */
async function logIn(context) {
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('邮箱或手机号').fill(LOGIN);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.close();
}

async function audit(url) {
  const result = await lighthouse(url, {
    port: DEBUG_PORT,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    // Keep the session's cookie: the dashboard and check-in pages need a logged-in viewer.
    disableStorageReset: true,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (REPORTS) {
    await mkdir(REPORTS, { recursive: true });
    const name = new URL(url).pathname.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'dashboard';
    await writeFile(path.join(REPORTS, `${name.slice(0, 40)}.json`), result.report);
  }
  const { categories, audits } = result.lhr;
  const score = (category) => (category.score === null ? null : Math.round(category.score * 100));
  return {
    performance: score(categories.performance),
    accessibility: score(categories.accessibility),
    lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
    failedAccessibility: Object.values(audits)
      .filter((a) => categories.accessibility.auditRefs.some((r) => r.id === a.id) && a.score === 0)
      .map((a) => a.id),
  };
}

const profile = await mkdtemp(path.join(tmpdir(), 'alliance-lighthouse-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  locale: 'zh-CN',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--remote-debugging-port=${DEBUG_PORT}`,
  ],
});
try {
  // The login page first, before the session exists.
  const results = { '/login': await audit(`${BASE_URL}/login`) };
  await logIn(context);
  const meetingId = await someMeetingId();
  for (const [name, url] of [
    ['/ (dashboard)', `${BASE_URL}/`],
    ['/check-in/:id', `${BASE_URL}/check-in/${encodeURIComponent(meetingId)}`],
  ]) {
    results[name] = await audit(url);
  }
  console.log(`${'page'.padEnd(16)} ${'performance'.padStart(11)} ${'a11y'.padStart(5)} ${'LCP ms'.padStart(7)} ${'TBT ms'.padStart(7)}`);
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name.padEnd(16)} ${String(r.performance).padStart(11)} ${String(r.accessibility).padStart(5)} ${String(r.lcpMs).padStart(7)} ${String(r.tbtMs).padStart(7)}${r.failedAccessibility.length ? `  a11y: ${r.failedAccessibility.join(', ')}` : ''}`,
    );
  }
  await mkdir(path.dirname(OUT), { recursive: true });
  await writeFile(OUT, `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
