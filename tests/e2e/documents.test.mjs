// The document library's versions as files: on a phone, the secretariat adds a version of the
// working rules as a PDF (with its upload progress), the version is listed with a download link
// that serves the PDF, and the alliance page's "working rules" link opens that file.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  BASE_URL,
  CONSORTIUM,
  PHONE,
  gql,
  launchBrowser,
  logIn,
  tokenOf,
  withPage,
} from "./helpers.mjs";

const TITLE = `e2e 工作规则 ${Date.now()}`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("the secretariat adds a working-rules version as a PDF and members open it", async (t) => {
  const secretariat = await tokenOf("secretariat@example.com");
  const { alliances } = await gql(
    secretariat,
    "{ alliances(first: 50) { nodes { id name } } }",
  );
  const consortium = alliances.nodes.find((a) => a.name === CONSORTIUM);
  const { createDocument } = await gql(
    secretariat,
    "mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } userErrors { code } } }",
    {
      input: {
        allianceId: consortium.id,
        kind: "WORKING_RULES",
        title: TITLE,
        body: "第一条 ……",
        effectiveOn: "2000-01-01",
      },
    },
  );
  assert.deepEqual(createDocument.userErrors, []);
  await withPage(browser, t, PHONE, async (page) => {
    await logIn(page, "secretariat@example.com");
    await page.goto(
      `/alliances/${encodeURIComponent(consortium.id)}/documents`,
    );
    const card = page
      .locator(".ant-card")
      .filter({
        hasText: TITLE,
        has: page.getByRole("button", { name: "添加新版本" }),
      });
    await card.getByRole("button", { name: "添加新版本" }).click();
    const dialog = page.getByRole("dialog", { name: "添加新版本" });
    await dialog.getByText("上传文件", { exact: true }).click();
    await dialog.getByLabel("版本标注（如“试行”）").fill("正式");
    await dialog.getByTestId("document-file-input").setInputFiles({
      name: "工作规则（正式）.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await dialog.getByText("工作规则（正式）.pdf").waitFor();
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.waitFor({ state: "hidden" });
    await card.getByText(/第 2 版 正式/).click();
    const link = card.getByRole("link", { name: "下载 工作规则（正式）.pdf" });
    await link.waitFor();
    const box = await link.boundingBox();
    assert.ok(
      box && box.height >= 44,
      `the download link is ${box?.height} px high`,
    );
    const served = await page.request.get(
      new URL(await link.getAttribute("href"), BASE_URL).href,
    );
    assert.equal(served.status(), 200);
    assert.equal(served.headers()["content-type"], "application/pdf");
    assert.deepEqual(Buffer.from(await served.body()), PDF);
    // In effect from today: the library's working rules in effect are the file,
    await page
      .locator("#working-rules")
      .getByRole("link", { name: "下载 工作规则（正式）.pdf" })
      .waitFor();
    // and the alliance page's working-rules link opens the file.
    await page.goto(`/alliances/${encodeURIComponent(consortium.id)}`);
    const rules = page.getByRole("link", { name: "现行工作规则" });
    await rules.waitFor();
    assert.match(
      await rules.getAttribute("href"),
      /^\/media\/[0-9a-f-]+\/original\?exp=/,
    );
  });
});
