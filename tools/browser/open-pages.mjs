#!/usr/bin/env node
// Opens pages in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) the way a person
// would, waits until each shows an expected text, and saves a screenshot of each.
//   node tools/browser/open-pages.mjs --out DIR URL=TEXT [URL=TEXT ...]
// Prints one JSON line per page: {"url","expected","ok","title","screenshot","error"}; exits 1 if any page failed.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

// The flags a sandboxed CI machine with no outside network needs (no first-run, no background fetches).
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
];

export async function launch() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install the Debian package 'chromium'`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

async function main() {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { out: { type: "string" } }, allowPositionals: true });
  if (!values.out) throw new Error("--out DIR is required");
  const out = values.out;
  const pages = positionals.map((a) => {
    const at = a.indexOf("=");
    if (at < 0) throw new Error(`expected URL=TEXT, got ${a}`);
    return { url: a.slice(0, at), expected: a.slice(at + 1) };
  });
  fs.mkdirSync(out, { recursive: true });
  const browser = await launch();
  let failed = false;
  try {
    await Promise.all(pages.map(async ({ url, expected }, i) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const screenshot = path.join(out, `page-${i + 1}.png`);
      const result = { url, expected, ok: false, title: null, screenshot, error: null };
      try {
        // Four Playgrounds, the bot and Azurite share two cores during the test run: the first page load can take a while.
        await page.goto(url, { waitUntil: "domcontentloaded", timeout: 60000 });
        await page.getByText(expected, { exact: false }).first().waitFor({ timeout: 30000 });
        result.title = await page.title();
        result.ok = true;
      } catch (e) {
        result.error = String(e.message ?? e).split("\n")[0];
        failed = true;
      }
      await page.screenshot({ path: screenshot }).catch(() => {});
      console.log(JSON.stringify(result));
      await page.close();
    }));
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${fs.realpathSync(process.argv[1])}`) {
  main().catch((e) => {
    console.error(`open-pages: ${e.message}`);
    process.exit(2);
  });
}
