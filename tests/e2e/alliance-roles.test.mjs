// Role grants on the alliance page: a platform admin makes a person of a member organization the
// consortium's supervisor; granting the same role again is refused with the translated error. Others see
// no such form.
//
// The grant stays (there is no revoking in the API yet): on a database where an earlier run granted it,
// the first grant is refused too, which the test accepts.
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

    await grant(page, form);
    const outcome = page.getByText(`已授予 ${PERSON}“${ROLE}”角色`).or(form.getByText(ALREADY_GRANTED));
    await outcome.first().waitFor();

    // Once granted, the same grant again is refused on the role field.
    await grant(page, form);
    await form.getByText(ALREADY_GRANTED).waitFor();
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
