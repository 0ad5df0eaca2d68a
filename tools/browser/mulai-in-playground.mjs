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
import { parseArgs } from "node:util";
import { escapeRegExp, openPersonalChat, runInBrowser, STEP_MS, until } from "./playground-page.mjs";

const WHOLE_RUN_MS = 85_000; // the caller's budget is 90 s
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
  { label: "Koperasi 1: nama", text: "KSP Maju Bersama" },
  { label: "Instruksi/disposisi kepada Anggota Tim Kerja", text: "Siapkan materi substansi, calon peserta, calon narasumber, jadwal dan tempat." },
  { label: "Notulen rapat", text: "Rapat tim kerja: fasilitasi IUSP untuk KSP Maju Bersama disepakati." },
];

function readArgs(args) {
  const { values } = parseArgs({ args, options: { url: { type: "string" }, out: { type: "string" } } });
  if (!values.url || !values.out) throw new Error("usage: mulai-in-playground.mjs --url http://127.0.0.1:PORT --out DIR");
  return values;
}

async function run(page, url, shots) {
  const compose = await openPersonalChat(page, url);

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

let args;
try {
  args = readArgs(process.argv.slice(2));
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: e.message, screenshots: [] }));
  process.exit(2);
}

runInBrowser(args.out, WHOLE_RUN_MS, async (page, shots) => ({ number: await run(page, args.url, shots) }));
