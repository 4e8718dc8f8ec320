// Creating and running an alliance: a platform admin creates an organization and a pairing alliance
// (each with a unique name), adds the organization as a member, moves the alliance to ACTIVE, and takes
// the organization out again. A plain member sees no buttons to create either (on a phone).
//
// Each run creates its own organization and alliance, so the demo data other tests rely on is untouched.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, PHONE, launchBrowser, logIn, withPage } from "./helpers.mjs";

const stamp = Date.now();
const ORGANIZATION = `e2e 成员单位 ${stamp}`;
const ALLIANCE = `e2e 结对联盟 ${stamp}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Types into an antd select found by its label and picks the first match with Enter. */
async function choose(page, scope, label, text) {
  await scope.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
  await page
    .getByRole("option", { name: text })
    .first()
    .waitFor({ state: "attached" });
  await page.keyboard.press("Enter");
}

/** A date some days ago (ahead, when negative) as the date pickers show it (YYYY-MM-DD, local time). */
function daysAgo(days) {
  const date = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

test("a platform admin creates an organization and an alliance, adds and removes the member, and activates the alliance", async (t) => {
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, "admin@example.com");

    // A new organization, then its page.
    await page
      .getByRole("navigation")
      .getByRole("link", { name: "成员单位" })
      .click();
    await page.getByRole("button", { name: "新建成员单位" }).click();
    const organizationForm = page.getByRole("dialog", { name: "新建成员单位" });
    await organizationForm
      .getByLabel("名称", { exact: true })
      .fill(ORGANIZATION);
    await choose(page, organizationForm, "类型", "社区");
    await organizationForm.getByRole("button", { name: "创建" }).click();
    await page.waitForURL(/\/organizations\/[^/]+$/);
    await page
      .getByRole("heading", { name: ORGANIZATION, level: 1, exact: true })
      .waitFor();

    // A new pairing alliance, then its page: preparatory, without members.
    await page
      .getByRole("navigation")
      .getByRole("link", { name: "联盟" })
      .click();
    await page.getByRole("button", { name: "新建联盟" }).click();
    const allianceForm = page.getByRole("dialog", { name: "新建联盟" });
    await allianceForm.getByLabel("名称", { exact: true }).fill(ALLIANCE);
    await choose(page, allianceForm, "类型", "结对共建");
    await allianceForm.getByRole("button", { name: "创建" }).click();
    await page.waitForURL(/\/alliances\/[^/]+$/);
    await page
      .getByRole("heading", { name: ALLIANCE, level: 1, exact: true })
      .waitFor();
    await page.getByText("筹备中", { exact: true }).waitFor();
    await page.getByText("暂无成员单位").waitFor();

    // Add the new organization, joined a month ago (so that it can leave today).
    await page.getByRole("button", { name: "添加成员单位" }).click();
    const addForm = page.getByRole("dialog", { name: "添加成员单位" });
    await addForm
      .getByText("尚未开始的轮值期将按新的成员名单重新安排", { exact: false })
      .waitFor();
    await choose(page, addForm, "单位", ORGANIZATION);
    await addForm
      .getByText(ORGANIZATION, { exact: true })
      .filter({ visible: true })
      .waitFor();
    const joinedOn = addForm.getByLabel("加入日期", { exact: true });
    await joinedOn.click();
    await joinedOn.press("ControlOrMeta+a");
    await joinedOn.pressSequentially(daysAgo(30));
    await joinedOn.press("Enter");
    await addForm.getByRole("button", { name: "添加", exact: true }).click();
    await addForm.waitFor({ state: "hidden" });
    const memberLink = page.getByRole("link", {
      name: ORGANIZATION,
      exact: true,
    });
    await memberLink.waitFor();

    // Activate the alliance: the status tag changes.
    await page.getByRole("button", { name: "编辑联盟信息" }).click();
    const editForm = page.getByRole("dialog", { name: "编辑联盟信息" });
    await choose(page, editForm, "状态", "运行中");
    await editForm.getByRole("button", { name: "保存" }).click();
    await editForm.waitFor({ state: "hidden" });
    await page.getByText("运行中", { exact: true }).waitFor();
    assert.equal(await page.getByText("筹备中", { exact: true }).count(), 0);

    // Take the organization out of the alliance ten days ahead: it stays a member until then,
    // marked as leaving.
    await page
      .getByRole("button", { name: `移出联盟：${ORGANIZATION}` })
      .click();
    const removeForm = page.getByRole("dialog", {
      name: `移出联盟：${ORGANIZATION}`,
    });
    const leftOn = removeForm.getByLabel("退出日期", { exact: true });
    await leftOn.click();
    await leftOn.press("ControlOrMeta+a");
    await leftOn.pressSequentially(daysAgo(-10));
    // Enter confirms the date and submits the form.
    await leftOn.press("Enter");
    await removeForm.waitFor({ state: "hidden" });
    await page.getByText(/^将于 .+ 退出联盟$/).waitFor();
    await memberLink.waitFor();
    assert.equal(await page.getByText("暂无成员单位").count(), 0);
  });
});

test("people who are not platform admins see no buttons to create an alliance or an organization", async (t) => {
  await withPage(browser, t, PHONE, async (page) => {
    await logIn(page, "member@example.com");
    await page.goto("/alliances");
    await page
      .getByRole("heading", { name: "联盟", level: 1, exact: true })
      .waitFor();
    await page
      .getByRole("link")
      .filter({ hasText: "联合体" })
      .first()
      .waitFor();
    assert.equal(
      await page.getByRole("button", { name: "新建联盟" }).count(),
      0,
    );

    await page.goto("/organizations");
    await page
      .getByRole("heading", { name: "成员单位", level: 1, exact: true })
      .waitFor();
    await page
      .getByRole("searchbox", { name: "搜索单位" })
      .or(page.getByLabel("搜索单位"))
      .first()
      .waitFor();
    assert.equal(
      await page.getByRole("button", { name: "新建成员单位" }).count(),
      0,
    );
  });
});
