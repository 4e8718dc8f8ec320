// A co-construction agreement from draft to progress, as the people involved would go through it: the
// consortium's secretariat drafts an agreement between three member organizations with three
// commitments, the admin of 省塑料协会 signs for it in the browser (the other two parties sign through
// the API), the agreement turns active, and a progress note of 省塑料协会 moves its commitment's
// progress bar.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CONSORTIUM,
  DESKTOP,
  PHONE,
  gql,
  launchBrowser,
  logIn,
  tokenOf,
  withPage,
} from "./helpers.mjs";

const stamp = Date.now();
const TITLE = `e2e 三方共建协议 ${stamp}`;
const PARTIES = [
  "安徽新四军革命传统教育基金会",
  "华安证券公益基金会",
  "省塑料协会",
];
const GOALS = [
  {
    owner: "省塑料协会",
    title: `e2e 志愿服务 ${stamp}`,
    value: "10",
    unit: "次",
  },
  { owner: "华安证券公益基金会", title: `e2e 公益讲座 ${stamp}` },
  { owner: "安徽新四军革命传统教育基金会", title: `e2e 红色教育 ${stamp}` },
];

const state = { path: "", id: "" };

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function choose(page, scope, label, text) {
  await scope.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

function day(offset) {
  const date = new Date(Date.now() + offset * 86_400_000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

test("the secretariat drafts an agreement between three organizations with three commitments", async (t) => {
  const admin = await tokenOf("admin@example.com");
  const { alliances } = await gql(
    admin,
    "{ alliances(first: 50) { nodes { id name } } }",
  );
  const consortium = alliances.nodes.find((a) => a.name === CONSORTIUM);
  await withPage(browser, t, DESKTOP, async (page) => {
    await logIn(page, "secretariat@example.com");
    await page.goto(
      `/alliances/${encodeURIComponent(consortium.id)}/agreements`,
    );
    await page.getByRole("button", { name: "起草协议" }).click();
    const dialog = page.getByRole("dialog", { name: "起草协议" });
    await dialog.getByLabel("协议名称").fill(TITLE);
    for (const party of PARTIES)
      await choose(page, dialog, "协议各方（至少两家成员单位）", party);
    await page.keyboard.press("Escape");
    await dialog.getByLabel("协议期限").click();
    await page.keyboard.type(day(-1));
    await page.keyboard.press("Enter");
    await page.keyboard.type(day(364));
    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "保存" }).click();
    await page.waitForURL(/\/agreements\/[^/]+$/);
    await page.getByRole("heading", { name: TITLE }).waitFor();
    state.path = new URL(page.url()).pathname;
    state.id = decodeURIComponent(state.path.split("/").pop());
    for (const goal of GOALS) {
      await page.getByRole("button", { name: "添加共建目标" }).click();
      const add = page.getByRole("dialog", { name: "添加共建目标" });
      await choose(page, add, "责任单位", goal.owner);
      await add.getByLabel("目标名称").fill(goal.title);
      if (goal.value) {
        await add.getByLabel("量化目标").fill(goal.value);
        await add.getByLabel("单位", { exact: true }).fill(goal.unit);
      }
      await add.getByRole("button", { name: "保存" }).click();
      await page.getByText(goal.title).waitFor();
    }
    await page.getByText("草稿").first().waitFor();
  });
  const { agreement } = await gql(
    admin,
    "query($id: ID!) { agreement(id: $id) { status parties { organization { name } } commitments { title } } }",
    { id: state.id },
  );
  assert.equal(agreement.status, "DRAFT");
  assert.deepEqual(
    agreement.parties.map((p) => p.organization.name),
    PARTIES,
  );
  assert.equal(agreement.commitments.length, 3);
});

test("each party signs; on a phone the organization admin sees the progress after a note", async (t) => {
  assert.ok(state.id, "the agreement was drafted");
  await withPage(browser, t, PHONE, async (page) => {
    await logIn(page, "orgadmin@example.com");
    await page.goto(state.path);
    await page.getByRole("button", { name: "代表省塑料协会签署" }).click();
    const dialog = page.getByRole("dialog", { name: "代表省塑料协会签署" });
    await dialog.getByLabel("签署人", { exact: true }).fill("王会长");
    await dialog.getByLabel("签署人职务").fill("党支部书记");
    await dialog.getByRole("button", { name: "签署" }).click();
    await page.getByText(/王会长 于 .* 签署/).waitFor();
    // The other two parties sign through the API (the platform admin may sign for any party).
    const admin = await tokenOf("admin@example.com");
    const { agreement } = await gql(
      admin,
      "query($id: ID!) { agreement(id: $id) { parties { signed organization { id } } } }",
      { id: state.id },
    );
    for (const party of agreement.parties.filter((p) => !p.signed)) {
      await gql(
        admin,
        "mutation($input: SignAgreementInput!) { signAgreement(input: $input) { userErrors { code } } }",
        {
          input: {
            id: state.id,
            organizationId: party.organization.id,
            signatoryName: "李书记",
          },
        },
      );
    }
    await page.reload();
    await page.getByText("生效中").first().waitFor();
    // 省塑料协会 records progress on its commitment: 4 of 10.
    const goal = page.getByRole("listitem").filter({ hasText: GOALS[0].title });
    await goal.getByRole("button", { name: "记录进展" }).click();
    const note = page.getByRole("dialog", { name: "记录进展" });
    await note.getByLabel("进展说明").fill("开展了四次志愿服务");
    await note.getByLabel("本次完成量").fill("4");
    await note.getByRole("button", { name: "保存" }).click();
    await goal.getByText("进度 4 / 10 次").waitFor();
    await goal.getByText("40%").waitFor();
    // Commitments of other parties offer no progress button to this admin.
    const other = page
      .getByRole("listitem")
      .filter({ hasText: GOALS[1].title });
    assert.equal(
      await other.getByRole("button", { name: "记录进展" }).count(),
      0,
    );
  });
});
