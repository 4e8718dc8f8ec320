#!/usr/bin/env bash
# The weight of the first screen: the brotli-compressed size of the JavaScript that /login needs
# at first paint (the entry chunk, its static imports, the pieces index.html preloads, the
# default strings, and the login route's lazy chunk with its
# own static imports), read from the Vite manifest of a finished web build (frontend/dist).
# Prints one row per chunk and exits non-zero above the budget.
#
#   scripts/weight.sh                    after `cd frontend && npm run build`
#   WEIGHT_BUDGET_KB=150 scripts/weight.sh   a tighter budget (default 200 KB)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
DIST="frontend/dist"
MANIFEST="${DIST}/.vite/manifest.json"
[[ -f "$MANIFEST" ]] || {
  printf 'error: %s not found; build the web client first (cd frontend && npm run build)\n' "$MANIFEST" >&2
  exit 2
}

DIST="$DIST" MANIFEST="$MANIFEST" BUDGET_KB="${WEIGHT_BUDGET_KB:-200}" node --input-type=module -e '
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";

const { DIST, MANIFEST, BUDGET_KB } = process.env;
const ROUTE = "src/app/routes/login.tsx";
const manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entries.length !== 1) throw new Error(`expected one entry in the manifest, found ${entries.length}`);
if (!manifest[ROUTE]) throw new Error(`${ROUTE} is not a chunk of its own in the manifest`);

// A chunk and everything it imports statically (loaded together, before it runs).
const needed = new Map();
const visit = (key, why) => {
  if (needed.has(key)) return;
  needed.set(key, why);
  for (const dep of manifest[key].imports ?? []) visit(dep, why);
};
visit(entries[0], "entry");
// The pieces index.html preloads (the entry runs them a task each) and the default language
// strings, loaded before the first render.
const html = readFileSync(`${DIST}/index.html`, "utf8");
for (const [, href] of html.matchAll(/rel="modulepreload"[^>]*href="\/([^"]+)"/g)) {
  const key = Object.keys(manifest).find((k) => manifest[k].file === href);
  if (key) visit(key, "preload");
}
if (manifest["src/i18n/locales/zh.ts"]) visit("src/i18n/locales/zh.ts", "strings");
visit(ROUTE, "/login");

const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;
const rows = [...needed].map(([key, why]) => {
  const body = readFileSync(`${DIST}/${manifest[key].file}`);
  return { file: manifest[key].file, why, raw: body.length, br: brotli(body) };
});
rows.sort((a, b) => b.br - a.br);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${"chunk".padEnd(48)} ${"for".padEnd(7)} ${"raw KB".padStart(8)} ${"br KB".padStart(8)}`);
for (const r of rows) console.log(`${r.file.padEnd(48)} ${r.why.padEnd(7)} ${kb(r.raw)} ${kb(r.br)}`);
const raw = rows.reduce((s, r) => s + r.raw, 0);
const total = rows.reduce((s, r) => s + r.br, 0);
console.log(`${"total (" + rows.length + " chunks)".padEnd(48)} ${"".padEnd(7)} ${kb(raw)} ${kb(total)}`);
const budget = Number(BUDGET_KB) * 1024;
if (total > budget) {
  console.error(`error: /login needs ${(total / 1024).toFixed(1)} KB of brotli-compressed JavaScript, over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
console.log(`ok: within the ${BUDGET_KB} KB budget`);
'
