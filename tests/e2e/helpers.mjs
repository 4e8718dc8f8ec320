// Shared set-up for the browser tests: Debian's Chromium, one fresh browser context per test,
// a screenshot in artifacts/ when a test fails, and the demo accounts of `seed --demo`.
import { mkdir } from 'node:fs/promises';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.ALLIANCE_E2E_URL || 'http://localhost:18080').replace(/\/+$/, '');
export const DEMO_PASSWORD = 'alliance-demo-2026';
export const CONSORTIUM = '五家省级社会组织党建工作联合体';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');
const TIMEOUT_MS = Number(process.env.ALLIANCE_E2E_TIMEOUT_MS || 15_000);

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/**
 * Runs `body` with a page in a new browser context (own cookies and storage, so tests do not share a
 * session); on failure saves a full-page screenshot named after the test, then rethrows.
 */
export async function withPage(browser, t, options, body) {
  // Reduced motion: the client then turns antd's animations off, so nothing is caught mid-transition.
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'zh-CN', reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.setDefaultNavigationTimeout(TIMEOUT_MS);
  try {
    await body(page);
  } catch (error) {
    await mkdir(ARTIFACTS, { recursive: true });
    const name = t.name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80);
    await page
      .screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
      .catch((screenshotError) => console.error('screenshot failed:', screenshotError));
    throw error;
  } finally {
    await context.close();
  }
}

/** Logs in through the form, as a person would, and waits for the dashboard (the landing page). */
export async function logIn(page, login, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { name: /^您好，/, level: 1 }).waitFor();
}

export function pathnameOf(page) {
  return new URL(page.url()).pathname;
}

/** A GraphQL request to the server under test; fails the test on any error. */
export async function gql(token, query, variables = {}) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** An access token of a demo account. */
export async function tokenOf(login, password = DEMO_PASSWORD) {
  const data = await gql(
    null,
    'mutation($l: String!, $p: String!) { login(input: {login: $l, password: $p}) { accessToken } }',
    { l: login, p: password },
  );
  return data.login.accessToken;
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let i = 0; i < 8; i += 1)
      crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of `w` × `h` in one colour, drawn here (no downloads): a photo to upload. */
export function png(w, h, [r, g, b]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1)
      raw.set([r, g, b], y * (w * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
