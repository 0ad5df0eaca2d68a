#!/usr/bin/env node
// Starts a kegiatan in the Agents Playground the way the Ketua Tim Kerja would, in headless Chromium (Debian's
// /usr/bin/chromium or CHROMIUM_PATH, driven by playwright-core): opens the Playground page, types "mulai" in the
// Personal Chat, fills the step 1 card through the rendered card's own controls, clicks the start button and waits
// until the card is replaced by the confirmation with the kegiatan number.
//   node tools/browser/mulai-in-playground.mjs --url http://127.0.0.1:PORT --out DIR
// Screenshots in DIR: 01-start-card.png, 02-filled.png, 03-confirmation.png (failure.png on failure); each shows the
// whole conversation (the viewport is stretched for the shot, so a tall card is not cut off).
// Prints one JSON line, {"ok":true,"number":"FAS-YYYY-NNNN","screenshots":[...]} or
// {"ok":false,"error":"...","screenshots":[...]}, and exits 0, or 1 on failure (2 on bad arguments).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { launch } from "./open-pages.mjs";

const VIEWPORT = { width: 1280, height: 900 };
const WHOLE_RUN_MS = 85_000; // the caller's budget is 90 s
const STEP_MS = 20_000;
const NUMBER = /FAS-\d{4}-\d{4}/;

// What the step 1 card says (src/Sop/Definitions/fasilitasi-perijinan.v1.json, rendered by StepCard).
const START_BUTTON = "Kirim dan mulai kegiatan";
const CHECKLIST = [{ group: "Kelengkapan", item: "Disposisi" }];
const CHOICES = [
  { label: "Jenis fasilitasi", option: "Izin Usaha Simpan Pinjam (IUSP)" },
  { label: "Kabupaten/Kota", option: "Kota Pontianak" },
  { label: "Anggota Tim Kerja yang ditugaskan", option: "Budi Santoso" },
];
const TEXTS = [
  { label: "Judul kegiatan", text: "Fasilitasi Izin Usaha Simpan Pinjam KSP Maju Bersama" },
  { label: "Nama koperasi", text: "KSP Maju Bersama" },
  { label: "Instruksi/disposisi kepada Anggota Tim Kerja", text: "Siapkan materi substansi, calon peserta, calon narasumber, jadwal dan tempat." },
  { label: "Notulen rapat", text: "Rapat tim kerja: fasilitasi IUSP untuk KSP Maju Bersama disepakati." },
];

function readArgs(args) {
  const { values } = parseArgs({ args, options: { url: { type: "string" }, out: { type: "string" } } });
  if (!values.url || !values.out) throw new Error("usage: mulai-in-playground.mjs --url http://127.0.0.1:PORT --out DIR");
  return values;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Polls until check() returns a truthy value; throws `what` when the time is up.
async function until(check, what, timeout = STEP_MS) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// A screenshot of the whole conversation: the chat pane scrolls, so the viewport is stretched to show all of it.
async function shoot(page, file) {
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

async function run(page, url, shots) {
  // The Playground page, and the Personal Chat with the bot in it.
  await page.goto(url, { waitUntil: "load", timeout: STEP_MS });
  const personalChat = page.getByRole("treeitem", { name: "Personal Chat" });
  await personalChat.waitFor({ timeout: STEP_MS });
  await personalChat.click();
  const compose = page.locator('[role="textbox"][contenteditable="true"]'); // the Lexical editor of the compose box
  await compose.waitFor({ timeout: STEP_MS });

  // The Playground's log panel says whether it reached the bot; typing before that would go nowhere.
  const connection = await until(async () => {
    if ((await page.getByText("Connected.", { exact: true }).count()) > 0) return "connected";
    if ((await page.getByText(/Cannot connect to your app/).count()) > 0) return "refused";
    return null;
  }, "the Playground's log to say it connected to the bot").catch(() => "unknown");
  if (connection === "refused") throw new Error("the Playground cannot connect to the bot (its log says so)");

  // "mulai", and the start card that answers it (counted, so an older start card in the chat is not mistaken for it).
  const cards = page.locator(".fai-OutputCard");
  const startButton = page.getByRole("button", { name: START_BUTTON, exact: true });
  const startCards = cards.filter({ has: startButton });
  const before = await startCards.count();
  await compose.click();
  await page.keyboard.type("mulai");
  await page.keyboard.press("Enter");
  await until(async () => (await startCards.count()) > before, `a card with the button "${START_BUTTON}" after typing mulai`);
  const index = await until(async () => {
    const all = await cards.evaluateAll((els, title) => els.map((el) => !!el.querySelector(`button[aria-label="${title}"]`)), START_BUTTON);
    const last = all.lastIndexOf(true);
    return last >= 0 ? { value: last } : null;
  }, "the start card's position");
  const card = cards.nth(index.value);
  await card.scrollIntoViewIfNeeded();
  await shots.take("01-start-card.png");

  // Fill the card as a person does: tick the checklist, pick from each dropdown, type in each box.
  for (const { group, item } of CHECKLIST) {
    const box = card.getByRole("checkbox", { name: new RegExp(`${escapeRegExp(group)}.*${escapeRegExp(item)}`) });
    await box.check({ timeout: STEP_MS });
  }

  for (const { label, option } of CHOICES) {
    const combo = card.getByRole("combobox", { name: label });
    await combo.click({ timeout: STEP_MS });
    const listbox = page.getByRole("listbox").filter({ has: page.getByRole("option", { name: option, exact: true }) });
    await listbox.getByRole("option", { name: option, exact: true }).click({ timeout: STEP_MS });
    await until(async () => (await combo.inputValue()) === option, `"${label}" to show "${option}"`);
  }

  for (const { label, text } of TEXTS) {
    const input = card.getByRole("textbox", { name: label });
    await input.click({ timeout: STEP_MS });
    await input.pressSequentially(text, { timeout: STEP_MS });
    await until(async () => (await input.inputValue()) === text, `"${label}" to hold the typed text`);
  }

  await card.getByRole("button", { name: START_BUTTON, exact: true }).scrollIntoViewIfNeeded();
  await shots.take("02-filled.png");

  // Submit; the Playground replaces the card in place with the bot's answer, which carries the kegiatan number.
  await card.getByRole("button", { name: START_BUTTON, exact: true }).click({ timeout: STEP_MS });
  const number = await until(async () => {
    if ((await card.getByRole("button", { name: START_BUTTON, exact: true }).count()) > 0) return null;
    return NUMBER.exec(await card.innerText())?.[0] ?? null;
  }, `the start card to be replaced by a confirmation with a kegiatan number (${NUMBER})`, 30_000);
  await card.scrollIntoViewIfNeeded();
  await shots.take("03-confirmation.png");
  return number;
}

async function main() {
  let args;
  try {
    args = readArgs(process.argv.slice(2));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, error: e.message, screenshots: [] }));
    process.exit(2);
  }

  fs.mkdirSync(args.out, { recursive: true });
  const screenshots = [];
  let browser = null;
  let page = null;
  const shots = {
    async take(name) {
      const file = path.resolve(args.out, name);
      await shoot(page, file);
      screenshots.push(file);
    },
  };
  const finish = (result, code) => {
    console.log(JSON.stringify({ ...result, screenshots }));
    process.exit(code);
  };
  const fail = async (error) => {
    if (page) await shots.take("failure.png").catch(() => {});
    await browser?.close().catch(() => {});
    finish({ ok: false, error: String(error?.message ?? error).split("\n")[0] }, 1);
  };
  const watchdog = setTimeout(() => fail(new Error(`the whole run took longer than ${WHOLE_RUN_MS / 1000} s`)), WHOLE_RUN_MS);

  try {
    browser = await launch();
    page = await browser.newPage({ viewport: VIEWPORT });
    const number = await run(page, args.url, shots);
    clearTimeout(watchdog);
    await browser.close();
    finish({ ok: true, number }, 0);
  } catch (e) {
    clearTimeout(watchdog);
    await fail(e);
  }
}

main();
