// What a browser script needs to act in the Agents Playground as a person: open the Personal Chat once the Playground
// says it reached the bot, wait for things, take whole-conversation screenshots, and report one JSON line.
import fs from "node:fs";
import path from "node:path";
import { launch } from "./open-pages.mjs";

export const VIEWPORT = { width: 1280, height: 900 };
export const STEP_MS = 20_000;

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Polls until check() returns a truthy value; throws `what` when the time is up.
export async function until(check, what, timeout = STEP_MS) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// A screenshot of the whole conversation: the chat pane scrolls, so the viewport is stretched to show all of it.
export async function shoot(page, file) {
  const extra = await page.evaluate(() => {
    const card = document.querySelector(".fai-OutputCard");
    for (let el = card?.parentElement; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight) return el.scrollHeight - el.clientHeight;
    }
    return 0;
  }).catch(() => 0);
  try {
    if (extra > 0) await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(VIEWPORT.height + extra, 8000) });
    await page.waitForTimeout(150); // let the layout settle
    await page.screenshot({ path: file, timeout: 10_000 });
  } finally {
    if (extra > 0) await page.setViewportSize(VIEWPORT);
  }
}

// The Playground page with its Personal Chat open; returns the compose box. Fails when the Playground's log says it cannot
// reach the bot (typing before it connects would go nowhere).
export async function openPersonalChat(page, url) {
  await page.goto(url, { waitUntil: "load", timeout: STEP_MS });
  const personalChat = page.getByRole("treeitem", { name: "Personal Chat" });
  await personalChat.waitFor({ timeout: STEP_MS });
  await personalChat.click();
  const compose = page.locator('[role="textbox"][contenteditable="true"]'); // the Lexical editor of the compose box
  await compose.waitFor({ timeout: STEP_MS });
  const connection = await until(async () => {
    if ((await page.getByText("Connected.", { exact: true }).count()) > 0) return "connected";
    if ((await page.getByText(/Cannot connect to your app/).count()) > 0) return "refused";
    return null;
  }, "the Playground's log to say it connected to the bot").catch(() => "unknown");
  if (connection === "refused") throw new Error("the Playground cannot connect to the bot (its log says so)");
  return compose;
}

// Runs `run(page, shots)` in headless Chromium under a watchdog and prints {"ok":true,...result,"screenshots":[...]} or
// {"ok":false,"error":"...","screenshots":[...]}; exits 0, or 1 on failure (failure.png and failure.html are kept then).
export async function runInBrowser(out, wholeRunMs, run) {
  fs.mkdirSync(out, { recursive: true });
  const screenshots = [];
  let browser = null;
  let page = null;
  const shots = {
    async take(name) {
      const file = path.resolve(out, name);
      await shoot(page, file);
      screenshots.push(file);
    },
  };
  const finish = (result, code) => {
    console.log(JSON.stringify({ ...result, screenshots }));
    process.exit(code);
  };
  const fail = async (error) => {
    if (page) {
      await shots.take("failure.png").catch(() => {});
      // The page as it was, to see how the Playground rendered what the script could not find.
      await page.content().then((html) => fs.writeFileSync(path.resolve(out, "failure.html"), html)).catch(() => {});
    }
    await browser?.close().catch(() => {});
    finish({ ok: false, error: String(error?.message ?? error).split("\n")[0] }, 1);
  };
  const watchdog = setTimeout(() => fail(new Error(`the whole run took longer than ${wholeRunMs / 1000} s`)), wholeRunMs);
  try {
    browser = await launch();
    page = await browser.newPage({ viewport: VIEWPORT });
    const result = await run(page, shots);
    clearTimeout(watchdog);
    await browser.close();
    finish({ ok: true, ...result }, 0);
  } catch (e) {
    clearTimeout(watchdog);
    await fail(e);
  }
}
