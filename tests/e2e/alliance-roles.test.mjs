// Role grants on the alliance page: a platform admin makes a person of a member organization the
// consortium's supervisor; granting the same role again is refused with the translated error. Others see
// no such form.
//
// The person holds no role before the test (a fresh demo database); the test revokes the grant at the
// end through the grant list, so that the first grant of the next run succeeds too.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONSORTIUM, DESKTOP, launchBrowser, logIn, withPage } from './helpers.mjs';

// The secretary of 华安证券公益基金会, whom no other test logs in as.
const PERSON = '赵明远';
const ROLE = '指导员（监督）';
const ALREADY_GRANTED = '该人员已拥有此角色';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function openConsortium(page) {
  await page.getByRole('navigation').getByRole('link', { name: '联盟' }).click();
  await page.getByRole('link', { name: CONSORTIUM }).click();
  await page.getByRole('heading', { name: CONSORTIUM, level: 1, exact: true }).waitFor();
}

/** Picks the person and the role in the grant form and submits it. */
async function grant(page, form) {
  await form.getByLabel('人员', { exact: true }).focus();
  await page.keyboard.type(PERSON);
  // The people load with their own query: wait until the match is offered before picking it.
  await page.getByRole('option', { name: PERSON, exact: true }).waitFor({ state: 'attached' });
  await page.keyboard.press('Enter');
  await form.getByText(PERSON, { exact: true }).filter({ visible: true }).waitFor();
  await form.getByRole('radio', { name: ROLE }).check();
  await form.getByRole('button', { name: '授予角色' }).click();
}

test('a platform admin grants a person the supervisor role, and granting it again is refused', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'admin@example.com');
    await openConsortium(page);
    const form = page.getByRole('region', { name: '授予联盟角色' });

    const grants = page.getByRole('region', { name: '角色授予' });
    const revokeButton = grants.getByRole('button', {
      name: `撤销 ${PERSON} 的“${ROLE}”角色`,
    });
    await grants.getByText('周敏', { exact: true }).waitFor();
    assert.equal(await revokeButton.count(), 0, `${PERSON} must hold no role before the test`);

    // The first grant succeeds, and the grant list shows it.
    await grant(page, form);
    await page.getByText(`已授予 ${PERSON}“${ROLE}”角色`).waitFor();
    assert.equal(await form.getByText(ALREADY_GRANTED).count(), 0);
    await revokeButton.waitFor();

    // Once granted, the same grant again is refused on the role field.
    await grant(page, form);
    await form.getByText(ALREADY_GRANTED).waitFor();

    // Leave the database as found.
    await revokeButton.click();
    await page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
    await revokeButton.waitFor({ state: 'detached' });
  });
});

test('people who are not platform admins see no grant form', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, 'secretariat@example.com');
    await openConsortium(page);
    await page.getByRole('heading', { name: '轮值安排' }).waitFor();
    assert.equal(await page.getByRole('region', { name: '授予联盟角色' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: '授予角色' }).count(), 0);
  });
});
