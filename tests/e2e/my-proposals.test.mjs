// "My proposals" on a phone: a member organization's admin finds the item it proposed with its status,
// edits its title and description, then withdraws it; the withdrawn item stays listed without actions,
// and the meeting's agenda no longer offers it to the convener.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  PHONE,
  gql,
  launchBrowser,
  logIn,
  tokenOf,
  withPage,
} from "./helpers.mjs";

const stamp = Date.now();
const TITLE = `e2e 提议议题 ${stamp}`;
const EDITED = `e2e 改过的议题 ${stamp}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("an organization edits and withdraws its agenda proposal on a phone", async (t) => {
  const token = await tokenOf("orgadmin@example.com");
  const { meetings } = await gql(
    token,
    "query($from: DateTime) { meetings(first: 50, from: $from) { nodes { id viewerCanPropose } } }",
    { from: new Date().toISOString() },
  );
  const meeting = meetings.nodes.find((m) => m.viewerCanPropose);
  assert.ok(meeting, "a demo meeting still takes proposals");
  const proposed = await gql(
    token,
    'mutation($m: ID!, $t: String!) { proposeAgendaItem(input: {meetingId: $m, title: $t, description: "原来的说明"}) { agendaItem { id status } userErrors { code } } }',
    { m: meeting.id, t: TITLE },
  );
  assert.equal(proposed.proposeAgendaItem.agendaItem.status, "PROPOSED");

  await withPage(browser, t, PHONE, async (page) => {
    await logIn(page, "orgadmin@example.com");
    await page.goto("/my-proposals");
    await page.getByRole("heading", { name: "我的议题", level: 1 }).waitFor();
    const card = page.getByRole("article", { name: TITLE });
    await card.getByText("待审议").waitFor();
    await card.getByText("原来的说明").waitFor();

    await card.getByRole("button", { name: `修改议题：${TITLE}` }).click();
    const dialog = page.getByRole("dialog", { name: "修改议题" });
    await dialog.getByLabel("议题", { exact: true }).fill(EDITED);
    await dialog.getByLabel("议题说明").fill("新的说明：<b>不是标签</b>");
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.waitFor({ state: "hidden" });

    const edited = page.getByRole("article", { name: EDITED });
    await edited.getByText("新的说明：<b>不是标签</b>").waitFor();
    assert.equal(await page.getByRole("article", { name: TITLE }).count(), 0);

    const withdraw = edited.getByRole("button", {
      name: `撤回议题：${EDITED}`,
    });
    const box = await withdraw.boundingBox();
    assert.ok(
      box && box.height >= 44,
      `the withdraw button is ${box?.height}px high`,
    );
    await withdraw.click();
    await page
      .getByRole("tooltip")
      .getByRole("button", { name: "撤回" })
      .click();
    await edited.getByText("已撤回").waitFor();
    assert.equal(
      await edited.getByRole("button").count(),
      0,
      "a withdrawn proposal offers no actions",
    );
  });

  // The server agrees: withdrawn, with the edited title.
  const convener = await tokenOf("convener@example.com");
  const { meeting: seen } = await gql(
    convener,
    "query($id: ID!) { meeting(id: $id) { agendaItems { title status } } }",
    {
      id: meeting.id,
    },
  );
  const item = seen.agendaItems.find((i) => i.title === EDITED);
  assert.equal(item?.status, "WITHDRAWN");
});
