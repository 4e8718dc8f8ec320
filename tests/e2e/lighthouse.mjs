// Lighthouse (mobile preset: a mid-range phone on a slow 4G network, simulated) on the three first
// screens people open most: the login page, the dashboard and a meeting's check-in page, with
// Debian's Chromium. Each page is audited several times and reported by its median run, as
// Lighthouse's own guidance on variability recommends (one run moves by 10 points with the machine's
// load): one row per page with the median run's scores and the range of the performance score and the
// blocking time over the runs; everything goes to target/lighthouse.json.
//
//   ALLIANCE_E2E_URL=http://localhost:18080 node tests/e2e/lighthouse.mjs
//   ALLIANCE_LIGHTHOUSE_RUNS=5 ...       runs per page (default 3)
//
// The scores are reported, not asserted (they vary with the machine's load); the script fails only
// when Lighthouse cannot run. It needs a server with the demo data (`seed --demo`), as the browser
// tests do; scripts/test.sh runs it after them, and `scripts/test.sh --web-bench` on its own.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import { chromium } from 'playwright-core';
import { BASE_URL, DEMO_PASSWORD, gql, tokenOf } from './helpers.mjs';

const DEBUG_PORT = Number(process.env.ALLIANCE_LIGHTHOUSE_PORT || 9333);
const LOGIN = 'secretariat@example.com';
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'lighthouse.json');
// Set to a directory to keep each run's full Lighthouse report (JSON) there, for a closer look.
const REPORTS = process.env.ALLIANCE_LIGHTHOUSE_REPORTS;
const RUNS = Number(process.env.ALLIANCE_LIGHTHOUSE_RUNS || 3);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  throw new Error(
    `ALLIANCE_LIGHTHOUSE_RUNS must be a whole number of runs per page, at least 1 (got "${process.env.ALLIANCE_LIGHTHOUSE_RUNS}")`,
  );
}

/** A meeting the demo account can open, for its check-in page. */
async function someMeetingId() {
  const token = await tokenOf(LOGIN);
  const data = await gql(token, '{ meetings(first: 1) { nodes { id } } }');
  const id = data.meetings.nodes[0]?.id;
  if (!id) throw new Error(`${LOGIN} sees no meeting: run the server on the demo data (seed --demo)`);
  return id;
}

/**
 * Empties the browser's HTTP cache (not its cookies): /login is audited as a first visit, each run
 * alike. The logged-in pages are audited as a returning visitor's, with the code that logging in
 * loaded already in the cache (hashed files, cached as immutable).
 */
async function clearHttpCache(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  await page.close();
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

/** One Lighthouse run of `url`; its result (LH.Result), also kept under REPORTS as `<page>-<run>.json`. */
async function audit(url, run) {
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
    await writeFile(path.join(REPORTS, `${name.slice(0, 40)}-${run}.json`), result.report);
  }
  return result.lhr;
}

/** A run's figures: the two scores (null when the run failed, e.g. NO_NAVSTART), LCP, TBT. */
function figures(lhr) {
  const { categories, audits } = lhr;
  const score = (category) => (category.score === null ? null : Math.round(category.score * 100));
  return {
    performance: score(categories.performance),
    accessibility: score(categories.accessibility),
    lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
    failedAccessibility: Object.values(audits)
      .filter((a) => categories.accessibility.auditRefs.some((r) => r.id === a.id) && a.score === 0)
      .map((a) => a.id),
    ...(lhr.runtimeError ? { error: lhr.runtimeError.code } : {}),
  };
}

/**
 * A page's runs summed up: the median run (Lighthouse's own pick, the run nearest the median first
 * contentful paint and time to interactive), the range over the valid runs, and every run.
 */
function summary(lhrs) {
  const valid = filterToValidRuns(lhrs);
  const median = figures(valid.length ? computeMedianRun(valid) : lhrs[0]);
  const range = (key) => {
    const values = valid.map((lhr) => figures(lhr)[key]).filter((value) => value !== null);
    return values.length ? [Math.min(...values), Math.max(...values)] : null;
  };
  return {
    median,
    performanceRange: range('performance'),
    tbtRangeMs: range('tbtMs'),
    failedRuns: lhrs.length - valid.length,
    runs: lhrs.map(figures),
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
  const started = Date.now();
  const lhrs = {};
  const record = async (name, url, run) => {
    (lhrs[name] ??= []).push(await audit(url, run));
  };
  // The login page first, before the session exists.
  for (let run = 1; run <= RUNS; run += 1) {
    await clearHttpCache(context);
    await record('/login', `${BASE_URL}/login`, run);
  }
  await logIn(context);
  const meetingId = await someMeetingId();
  // The logged-in pages in turns, so that each sees the same spread of the machine's load.
  for (let run = 1; run <= RUNS; run += 1) {
    await record('/ (dashboard)', `${BASE_URL}/`, run);
    await record('/check-in/:id', `${BASE_URL}/check-in/${encodeURIComponent(meetingId)}`, run);
  }
  const results = Object.fromEntries(Object.entries(lhrs).map(([name, runs]) => [name, summary(runs)]));
  const span = (range, unit = '') => (range ? `${range[0]}–${range[1]}${unit}` : '–');
  console.log(
    `median of ${RUNS} run${RUNS === 1 ? '' : 's'} per page (${((Date.now() - started) / 1000).toFixed(0)} s):\n` +
      `${'page'.padEnd(16)} ${'performance'.padStart(11)} ${'a11y'.padStart(5)} ${'LCP ms'.padStart(7)} ${'TBT ms'.padStart(7)}   ${'perf. range'.padEnd(11)} TBT range`,
  );
  for (const [name, { median: r, performanceRange, tbtRangeMs, failedRuns }] of Object.entries(results)) {
    console.log(
      `${name.padEnd(16)} ${String(r.performance).padStart(11)} ${String(r.accessibility).padStart(5)} ${String(r.lcpMs).padStart(7)} ${String(r.tbtMs).padStart(7)}   ${span(performanceRange).padEnd(11)} ${span(tbtRangeMs, ' ms')}` +
        `${failedRuns ? `  (${failedRuns} run${failedRuns === 1 ? '' : 's'} failed)` : ''}` +
        `${r.failedAccessibility.length ? `  a11y: ${r.failedAccessibility.join(', ')}` : ''}`,
    );
  }
  await mkdir(path.dirname(OUT), { recursive: true });
  await writeFile(OUT, `${JSON.stringify({ runsPerPage: RUNS, pages: results }, null, 2)}\n`);
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
