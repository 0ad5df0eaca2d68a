#!/usr/bin/env node
// Step 2 in the Agents Playground the way the Anggota Tim Kerja does it, in headless Chromium: opens his Personal Chat,
// finds the step 2 card of the kegiatan (or opens it from "tugas"), fills it through the rendered card's own controls,
// the jadwal with the card's date picker and time picker, clicks "Kirim data" and waits for the answer "Data dikirim".
//   node tools/browser/jadwal-in-playground.mjs --url http://127.0.0.1:PORT --out DIR --number FAS-YYYY-NNNN --date YYYY-MM-DD --time HH:MM
// Screenshots in DIR: 01-step-2-card.png, 02-filled.png, 03-sent.png (failure.png on failure).
// Prints one JSON line, {"ok":true,"date":"...","time":"...","screenshots":[...]} or {"ok":false,"error":"...",...}.
import { parseArgs } from "node:util";
import { escapeRegExp, openPersonalChat, runInBrowser, STEP_MS, until } from "./playground-page.mjs";

const WHOLE_RUN_MS = 85_000; // the caller's budget is 100 s

// What the step 2 card says (src/Sop/Definitions/fasilitasi-perijinan.v1.json, rendered by StepCard).
const SUBMIT_BUTTON = "Kirim data";
const OPEN_BUTTON = "Buka kartu langkah";
const SENT = "Data dikirim";
const CHECKLIST = [{ group: "Kelengkapan", item: "Disposisi" }, { group: "Kelengkapan", item: "Bahan/materi" }];
const TEXTS = [
  { label: "Materi substansi kegiatan", text: "Ketentuan USP menurut PerMenKop UKM 8/2023." },
  { label: "Calon peserta", text: "Pengurus dan pengawas KSP Maju Bersama." },
  { label: "Calon narasumber", text: "Kepala Bidang Perijinan dan Kelembagaan." },
  { label: "Tempat", text: "Aula Dinas Koperasi UKM" },
];
const DATE_LABEL = "Jadwal pelaksanaan — tanggal";
const TIME_LABEL = "Jadwal pelaksanaan — jam (WIB)";

// The calendar's day buttons are named in the Playground's language: "28, December, 2026".
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function readArgs(args) {
  const options = { url: { type: "string" }, out: { type: "string" }, number: { type: "string" }, date: { type: "string" }, time: { type: "string" } };
  const { values } = parseArgs({ args, options });
  if (!values.url || !values.out || !values.number || !/^\d{4}-\d{2}-\d{2}$/.test(values.date ?? "") || !/^\d{2}:\d{2}$/.test(values.time ?? "")) {
    throw new Error("usage: jadwal-in-playground.mjs --url http://127.0.0.1:PORT --out DIR --number FAS-YYYY-NNNN --date YYYY-MM-DD --time HH:MM");
  }
  return values;
}

// The step 2 card of this kegiatan: as it arrived in the chat, or, if the page shows no history, opened from "tugas".
async function stepCard(page, compose, number) {
  const cards = page.locator(".fai-OutputCard");
  const ofKegiatan = cards.filter({ hasText: number }).filter({ has: page.getByRole("button", { name: SUBMIT_BUTTON, exact: true }) });
  const arrived = await until(async () => (await ofKegiatan.count()) > 0, "the step 2 card in the chat", 5_000).catch(() => false);
  if (!arrived) {
    await compose.click();
    await page.keyboard.type("tugas");
    await page.keyboard.press("Enter");
    const tasks = cards.filter({ hasText: number }).filter({ has: page.getByRole("button", { name: OPEN_BUTTON, exact: true }) });
    await until(async () => (await tasks.count()) > 0, `the tasks card with "${OPEN_BUTTON}" for ${number}`);
    await tasks.last().getByRole("button", { name: OPEN_BUTTON, exact: true }).first().click({ timeout: STEP_MS });
    await until(async () => (await ofKegiatan.count()) > 0, "the step 2 card opened from the tasks card");
  }
  return ofKegiatan.last();
}

async function run(page, shots, { url, number, date, time }) {
  const compose = await openPersonalChat(page, url);
  const card = await stepCard(page, compose, number);
  await card.scrollIntoViewIfNeeded();
  await shots.take("01-step-2-card.png");

  for (const { group, item } of CHECKLIST) {
    await card.getByRole("checkbox", { name: new RegExp(`${escapeRegExp(group)}.*${escapeRegExp(item)}`) }).check({ timeout: STEP_MS });
  }

  for (const { label, text } of TEXTS) {
    const input = card.getByRole("textbox", { name: label, exact: true });
    await input.click({ timeout: STEP_MS });
    await input.pressSequentially(text, { timeout: STEP_MS });
    await until(async () => (await input.inputValue()) === text, `"${label}" to hold the typed text`);
  }

  // The pickers, as the Playground renders them like Teams does (Fluent UI): the date from the calendar that the date
  // picker opens (paging month by month to the jadwal's), the time from the time picker's list.
  const dateBox = card.getByRole("combobox", { name: DATE_LABEL });
  await dateBox.click({ timeout: STEP_MS });
  const calendar = page.getByRole("dialog", { name: "Calendar" });
  await calendar.waitFor({ timeout: STEP_MS });
  const [year, month, day] = date.split("-").map(Number);
  const dayButton = calendar.getByRole("button", { name: `${day}, ${MONTHS[month - 1]}, ${year}`, exact: true });
  for (let paged = 0; paged < 24 && (await dayButton.count()) === 0; paged++) {
    await calendar.locator('button[title^="Next month"]').click({ timeout: STEP_MS });
  }
  await dayButton.click({ timeout: STEP_MS });
  await until(async () => (await dateBox.inputValue()).includes(String(day)), `the date picker to show ${date}`);

  const timeBox = card.getByRole("combobox", { name: TIME_LABEL });
  await timeBox.click({ timeout: STEP_MS });
  const [hour, minute] = time.split(":").map(Number);
  const twelve = `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
  const option = page.getByRole("option", { name: new RegExp(`^(${escapeRegExp(time)}|${escapeRegExp(twelve)})$`) });
  await option.first().scrollIntoViewIfNeeded({ timeout: STEP_MS });
  await option.first().click({ timeout: STEP_MS });
  await until(async () => [time, twelve].includes(await timeBox.inputValue()), `the time picker to show ${time}`);

  await card.getByRole("button", { name: SUBMIT_BUTTON, exact: true }).scrollIntoViewIfNeeded();
  await shots.take("02-filled.png");

  // Send; the Playground replaces the card in place with the bot's answer.
  await card.getByRole("button", { name: SUBMIT_BUTTON, exact: true }).click({ timeout: STEP_MS });
  const answer = page.locator(".fai-OutputCard").filter({ hasText: SENT }).filter({ hasText: number });
  const outcome = await until(async () => {
    if ((await answer.count()) > 0) return "sent";
    // The card's locator finds nothing once the answer has replaced it: a short wait, not the page's 30 s default.
    const text = await card.innerText({ timeout: 1_000 }).catch(() => "");
    return /Isian belum benar|belum dapat/.test(text) ? `refused: ${text.split("\n").find((l) => /Isian|belum/.test(l))}` : null;
  }, `the step 2 card to be answered with "${SENT}"`, 30_000);
  if (outcome !== "sent") throw new Error(`the bot did not take the step 2 card: ${outcome}`);
  await answer.last().scrollIntoViewIfNeeded();
  await shots.take("03-sent.png");
  return { number, date, time };
}

let args;
try {
  args = readArgs(process.argv.slice(2));
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: e.message, screenshots: [] }));
  process.exit(2);
}

runInBrowser(args.out, WHOLE_RUN_MS, (page, shots) => run(page, shots, args));
