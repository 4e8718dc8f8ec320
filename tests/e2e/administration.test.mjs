// Administration: the audit log shows what was just done; revoking a role grant removes it from the
// alliance's list and the holder loses the role; disabling a user who is logged in elsewhere logs them out;
// failed background jobs are listed with their error and can be retried.
//
// Set-up goes through the API (a platform admin's token) so that each test starts from the state it
// needs even after an interrupted earlier run; everything the tests assert is done in the browser.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  BASE_URL,
  CONSORTIUM,
  DEMO_PASSWORD,
  DESKTOP,
  launchBrowser,
  logIn,
  pathnameOf,
  withPage,
  gql,
  tokenOf,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const adminToken = () => tokenOf('admin@example.com');

async function consortiumId(token) {
  const { alliances } = await gql(token, '{ alliances(first: 100) { nodes { id name } } }');
  return alliances.nodes.find((a) => a.name === CONSORTIUM).id;
}

/** The platform user with this e-mail (id, disabledAt), found through the admin's user search. */
async function findUser(token, email) {
  const data = await gql(token, 'query($s: String) { users(search: $s) { nodes { id email disabledAt } } }', {
    s: email,
  });
  const user = data.users.nodes.find((u) => u.email === email);
  assert.ok(user, email);
  return user;
}

async function openConsortium(page) {
  await page.getByRole('navigation').getByRole('link', { name: '联盟' }).click();
  await page.getByRole('link', { name: CONSORTIUM }).click();
  await page.getByRole('heading', { name: CONSORTIUM, level: 1, exact: true }).waitFor();
}

async function confirmDialog(page, button) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

test('the audit log shows the entry of an action just taken, and only admins are offered it', async (t) => {
  const token = await adminToken();
  const person = await findUser(token, 'zheng.hong@example.com');
  if (person.disabledAt) {
    await gql(token, 'mutation($id: ID!) { enableUser(input: {userId: $id}) { userErrors { code } } }', {
      id: person.id,
    });
  }
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'admin@example.com');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('heading', { name: '用户管理', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: '搜索用户' }).fill('郑红');
    await page.getByRole('searchbox', { name: '搜索用户' }).press('Enter');
    await page.getByRole('button', { name: '停用 郑红' }).click();
    await confirmDialog(page, '停用');
    await page.getByRole('button', { name: '启用 郑红' }).click();
    await confirmDialog(page, '启用');
    await page.getByRole('button', { name: '停用 郑红' }).waitFor();

    await nav.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    // Newest first: the enabling is the top row, by the platform admin.
    const table = page.getByRole('table');
    const firstRow = table.getByRole('row').nth(1);
    await firstRow.getByText('user.enable', { exact: true }).waitFor();
    await firstRow.getByText('林海', { exact: true }).waitFor();
    // Filtering by action narrows the list to the disabling.
    await page.getByRole('searchbox', { name: '操作' }).fill('user.disable');
    await page.getByRole('searchbox', { name: '操作' }).press('Enter');
    await table.getByText('user.disable', { exact: true }).first().waitFor();
    await table.getByText('user.enable', { exact: true }).waitFor({ state: 'detached' });
  });

  // The consortium's secretariat creates and revokes an integration token of the alliance; their
  // audit log shows it on top, concerning the consortium. A member is not offered the log.
  const secretariat = await tokenOf('secretariat@example.com');
  const created = await gql(
    secretariat,
    'mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { integrationToken { id } userErrors { code } } }',
    {
      input: {
        name: '审计日志测试',
        scopes: ['read:alliance'],
        allianceId: await consortiumId(secretariat),
      },
    },
  );
  assert.deepEqual(created.createIntegrationToken.userErrors, []);
  await gql(secretariat, 'mutation($id: ID!) { revokeIntegrationToken(input: {id: $id}) { userErrors { code } } }', {
    id: created.createIntegrationToken.integrationToken.id,
  });
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'secretariat@example.com');
    await page.getByRole('navigation').getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    const firstRow = page.getByRole('table').getByRole('row').nth(1);
    await firstRow.getByText('integration_token.revoke', { exact: true }).waitFor();
    await firstRow.getByText(CONSORTIUM, { exact: true }).waitFor();
    await firstRow.getByText('周敏', { exact: true }).waitFor();
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: '用户管理' }).count(), 0);
  });
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'member@example.com');
    await page.getByRole('navigation').getByRole('link', { name: '联盟' }).waitFor();
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: '审计日志' }).count(), 0);
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: '用户管理' }).count(), 0);
  });
});

test('revoking a role grant removes it from the list and the holder loses the role', async (t) => {
  const PERSON = '钱涛';
  const token = await adminToken();
  const person = await findUser(token, 'qian.tao@example.com');
  const consortium = await consortiumId(token);
  const granted = await gql(
    token,
    `mutation($input: GrantAllianceRoleInput!) { grantAllianceRole(input: $input) { roleGrant { id } userErrors { code } } }`,
    {
      input: {
        allianceId: consortium,
        userId: person.id,
        role: 'ALLIANCE_ADMIN',
      },
    },
  );
  assert.deepEqual(granted.grantAllianceRole.userErrors, []);

  const holderContext = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'zh-CN',
    reducedMotion: 'reduce',
    ...DESKTOP,
  });
  try {
    const holder = await holderContext.newPage();
    await logIn(holder, 'qian.tao@example.com');
    await openConsortium(holder);
    // As alliance admin, the holder sees the alliance's grants (themself among them).
    const holderGrants = holder.getByRole('region', { name: '角色授予' });
    await holderGrants.getByText(PERSON, { exact: true }).waitFor();

    await withPage(browser, t, DESKTOP, async (page) => {
      await logIn(page, 'admin@example.com');
      await openConsortium(page);
      const grants = page.getByRole('region', { name: '角色授予' });
      const revoke = grants.getByRole('button', {
        name: `撤销 ${PERSON} 的“联盟管理员”角色`,
      });
      await revoke.click();
      await confirmDialog(page, '撤销');
      await revoke.waitFor({ state: 'detached' });
      await grants.getByText('周敏', { exact: true }).waitFor();
      assert.equal(await grants.getByText(PERSON, { exact: true }).count(), 0);
    });

    // The holder's next request no longer carries the role: the grant list is gone from their page.
    await holder.reload();
    await holder.getByRole('heading', { name: CONSORTIUM, level: 1, exact: true }).waitFor();
    await holder.getByRole('heading', { name: '轮值安排' }).waitFor();
    assert.equal(await holder.getByRole('region', { name: '角色授予' }).count(), 0);
  } finally {
    await holderContext.close();
  }
});

test('disabling a user who is logged in elsewhere logs them out; enabling lets them back in', async (t) => {
  const PERSON = '何伟';
  const token = await adminToken();
  const person = await findUser(token, 'he.wei@example.com');
  if (person.disabledAt) {
    await gql(token, 'mutation($id: ID!) { enableUser(input: {userId: $id}) { userErrors { code } } }', {
      id: person.id,
    });
  }
  const userContext = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'zh-CN',
    reducedMotion: 'reduce',
    ...DESKTOP,
  });
  try {
    const user = await userContext.newPage();
    await logIn(user, 'he.wei@example.com');

    await withPage(browser, t, DESKTOP, async (page) => {
      await logIn(page, 'admin@example.com');
      await page.getByRole('navigation').getByRole('link', { name: '用户管理' }).click();
      await page.getByRole('searchbox', { name: '搜索用户' }).fill(PERSON);
      await page.getByRole('searchbox', { name: '搜索用户' }).press('Enter');
      await page.getByRole('button', { name: `停用 ${PERSON}` }).click();
      await confirmDialog(page, '停用');
      await page.getByRole('button', { name: `启用 ${PERSON}` }).waitFor();

      // The user's next page load finds no session: the login page.
      await user.reload();
      await user.waitForURL(/\/login(\?|$)/);
      await user.getByRole('button', { name: '登录', exact: true }).waitFor();
      assert.equal(pathnameOf(user), '/login');

      await page.getByRole('button', { name: `启用 ${PERSON}` }).click();
      await confirmDialog(page, '启用');
      await page.getByRole('button', { name: `停用 ${PERSON}` }).waitFor();
    });

    // Enabled again, the user logs in.
    await logIn(user, 'he.wei@example.com');
  } finally {
    await userContext.close();
  }
});

/** Runs SQL on the e2e database (set-up only: nothing in the API makes a job fail on purpose). */
function sql(statement) {
  const url = process.env.DATABASE_URL;
  assert.ok(url, 'DATABASE_URL must name the e2e database (scripts/test.sh exports it)');
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', statement]);
}

test('a platform admin sees failed background jobs with their error and retries one', async (t) => {
  const id = randomUUID();
  const error = `e2e: staged failure ${id.slice(0, 8)}`;
  sql(
    `INSERT INTO jobs (id, kind, state, attempts, max_attempts, run_at, last_error, created_at, updated_at)
     VALUES ('${id}', 'jobs_cleanup', 'failed', 8, 8, now(), '${error}', now(), now())`,
  );
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'admin@example.com');
    await page.getByRole('navigation').getByRole('link', { name: '用户管理' }).click();
    const jobs = page.getByRole('region', { name: '后台任务' });
    await jobs.getByRole('heading', { name: '后台任务' }).waitFor();
    const counts = jobs.getByRole('group', { name: '各状态的任务数' });
    await counts.getByText('失败', { exact: true }).waitFor();
    const row = jobs.getByRole('row').filter({ hasText: error });
    await row.getByText('清理', { exact: true }).waitFor();
    await row.getByText('8 / 8', { exact: true }).waitFor();
    await row.getByRole('button', { name: '重试「清理」任务' }).click();
    await page.getByText('任务已重新排队').waitFor();
    // No longer among the failed ones; the server's runner picks it up.
    await row.waitFor({ state: 'detached' });
  });
  // Not offered to an alliance admin.
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'secretariat@example.com');
    await page.getByRole('navigation').getByRole('link', { name: '联盟' }).waitFor();
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: '用户管理' }).count(), 0);
  });
});
