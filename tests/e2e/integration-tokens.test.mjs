import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONSORTIUM, DESKTOP, launchBrowser, logIn, withPage } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('an alliance admin creates a token, sees its secret once, and revokes it', async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    const tokenName = `e2e 令牌 ${Date.now()}`;
    await logIn(page, 'secretariat@example.com');
    await page.getByRole('navigation').getByRole('link', { name: '集成令牌' }).click();
    await page.getByRole('heading', { name: '集成令牌', level: 1 }).waitFor();
    assert.equal(await page.getByText(tokenName).count(), 0);

    await page.getByRole('button', { name: '新建令牌' }).click();
    const form = page.getByRole('dialog', { name: '新建集成令牌' });
    await form.getByLabel('名称').fill(tokenName);
    // The selects are driven from the keyboard: focus, type to filter, Enter to pick.
    await form.getByRole('radio', { name: '联盟' }).check();
    await form.getByLabel('作用对象').focus();
    await page.keyboard.type(CONSORTIUM.slice(0, 6));
    await page.keyboard.press('Enter');
    await form.getByText(CONSORTIUM, { exact: true }).filter({ visible: true }).waitFor();
    // Scopes are offered by their translated names, only those an alliance token can use.
    await form.getByLabel('权限范围').focus();
    await page.keyboard.type('读取');
    const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await offered.first().waitFor();
    const names = await offered.allTextContents();
    assert.ok(names.includes('读取联盟概况'), names.join(','));
    assert.ok(!names.includes('读取单位党员名单'), names.join(','));
    assert.ok(!names.some((name) => name.includes(':')), names.join(','));
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('读取联盟');
    await page.keyboard.press('Enter');
    // Clicking the dialog's title closes the list, as a person would.
    await form.locator('.ant-modal-title').click();
    await form.getByRole('button', { name: '创建令牌' }).click();

    const secretDialog = page.getByRole('dialog', { name: '令牌已创建' });
    await secretDialog.getByText('不会再次显示', { exact: false }).waitFor();
    const secret = (await secretDialog.getByText(/^alt_/).textContent())?.trim() ?? '';
    assert.match(secret, /^alt_\S{8,}$/);
    await secretDialog.getByRole('button', { name: '我已保存密钥' }).click();
    await secretDialog.waitFor({ state: 'hidden' });
    // Shown once: the secret is nowhere on the page any more.
    assert.equal(await page.getByText(secret).count(), 0);

    const row = page.getByRole('row').filter({ hasText: tokenName });
    await row.getByText('读取联盟概况', { exact: true }).waitFor();
    assert.equal(await row.getByText('read:alliance', { exact: true }).count(), 0);
    await row.getByText('有效', { exact: true }).waitFor();
    await row.getByRole('button', { name: '撤销' }).click();

    const confirm = page.getByRole('dialog').filter({ hasText: tokenName });
    await confirm.getByRole('button', { name: '撤销' }).click();
    await row.getByText('已撤销', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button', { name: '撤销' }).count(), 0);
  });
});
