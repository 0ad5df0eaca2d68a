#!/usr/bin/env node
// Renders every golden card with the official Adaptive Cards renderer (the pinned npm package adaptivecards) in headless
// Chromium, as Teams would show it on a phone (360 px) and on a desktop (1000 px), and measures what a person would notice:
// sideways scrolling, button titles cut with an ellipsis, how tall the card is, and, on step cards, how far down the inputs
// and the primary button end. One browser, one page, every card in one run.
//   node tools/browser/render-cards.mjs [--cards DIR] [--out DIR] [--widths 360,1000]
// Defaults: --cards tests/Dialogs.Tests/Cards/Golden, --out .test-results/cards (kept by CI), --widths 360,1000.
// Saves <card>-<width>.png (the whole card as first shown) in --out, and for step cards <card>-<width>-expanded.png. Prints one JSON line per card,
// {"card","step",<width>:{"height","overflowX","wide","truncated","lastInputBottom","primaryBottom","expanded":{...}}},
// then a last line {"ok":true,"cards":N,...} (or {"ok":false,"error"}, exit 1). "expanded" repeats the overflow and
// truncation figures with every hidden element shown and every ShowCard opened (what a person sees after the toggles).
//
// Where the look comes from: tools/cards/teams-host-config.json carries the values of the "Microsoft Teams - Light" host
// config that the Adaptive Cards Designer offers (microsoft/AdaptiveCards, samples/HostConfig/microsoft-teams-light.json):
// font sizes 12/14/14/18/24 and weights 200/400/600, spacing 8/12/16/20/24 with 16 px card padding, the container and text
// colours, and actions as Teams lays them out: one horizontal row, left-aligned, 8 px apart, at most 6, titles on one line.
// Its font stack starts with Segoe UI as Teams does; where Segoe UI is not installed (Linux CI), Liberation Sans (Arial's
// metrics, a little narrower than Segoe UI) stands in. BUTTON_CSS gives buttons the Teams look (32 px high, 14 px semibold,
// 12 px side padding, 1 px border, 4 px corners) on top of the package's own adaptivecards.css.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runInBrowser } from "./playground-page.mjs";

const WHOLE_RUN_MS = 85_000; // the caller's budget is 100 s
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const RENDERER = require.resolve("adaptivecards/dist/adaptivecards.min.js");
const RENDERER_CSS = path.join(path.dirname(RENDERER), "adaptivecards.css");
const HOST_CONFIG = path.join(ROOT, "tools", "cards", "teams-host-config.json");

const BUTTON_CSS = `
  html, body { margin: 0; padding: 0; background: #ffffff; }
  .ac-pushButton { box-sizing: border-box; min-height: 32px; padding: 0 12px; border: 1px solid #e1dfdd; border-radius: 4px;
    background: #ffffff; color: #252424; font-family: 'Segoe UI', -apple-system, Roboto, 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif;
    font-size: 14px; font-weight: 600; display: flex; align-items: center; justify-content: center; }
  .ac-pushButton.expanded { background: #6264a7; color: #ffffff; border-color: #6264a7; }
  input, select, textarea { font: inherit; box-sizing: border-box; }
`;

function readArgs(args) {
  const { values } = parseArgs({ args, options: { cards: { type: "string" }, out: { type: "string" }, widths: { type: "string" } } });
  const widths = (values.widths ?? "360,1000").split(",").map(Number);
  if (widths.some((w) => !Number.isInteger(w) || w < 200 || w > 4000)) throw new Error("--widths: whole numbers of pixels, e.g. 360,1000");
  return {
    cards: path.resolve(values.cards ?? path.join(ROOT, "tests", "Dialogs.Tests", "Cards", "Golden")),
    out: path.resolve(values.out ?? path.join(ROOT, ".test-results", "cards")),
    widths,
  };
}

// Step cards are the ones a person acts on: the step cards of a kegiatan and the start form (sop-step-1).
const isStepCard = (name) => name.startsWith("sop-step-");

// Runs in the page: renders one card into #host, replacing the one before.
function renderInPage({ card, hostConfig }) {
  const host = document.getElementById("host");
  host.replaceChildren();
  const adaptiveCard = new AdaptiveCards.AdaptiveCard();
  adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  adaptiveCard.onExecuteAction = () => {};
  adaptiveCard.parse(card);
  const element = adaptiveCard.render();
  if (!element) throw new Error("the renderer produced nothing");
  host.appendChild(element);
  window.shownCard = adaptiveCard;
}

// Runs in the page: the figures of the card as it is shown now.
function measureInPage() {
  const viewport = document.documentElement.clientWidth;
  const root = document.getElementById("host").firstElementChild;
  const top = root.getBoundingClientRect().top;
  const shown = (el) => el.getClientRects().length > 0;
  const describe = (el) => {
    const text = (el.innerText || el.getAttribute("aria-label") || "").replace(/\s+/g, " ").trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${text}" right=${Math.round(el.getBoundingClientRect().right)}`;
  };
  const wide = [...root.querySelectorAll("*")]
    .filter((el) => shown(el) && (el.getBoundingClientRect().right > viewport + 0.5 || el.getBoundingClientRect().left < -0.5))
    .slice(0, 5)
    .map(describe);
  const truncated = [...root.querySelectorAll("button.ac-pushButton")]
    .filter(shown)
    .map((button) => [...button.children].find((child) => child.tagName === "DIV") ?? button)
    .filter((title) => title.scrollWidth > title.clientWidth)
    .map((title) => title.innerText.trim());
  const bottom = (el) => Math.round(el.getBoundingClientRect().bottom - top);
  const inputs = window.shownCard.getAllInputs(false).filter((input) => input.renderedElement && shown(input.renderedElement));
  const primary = window.shownCard.getAllActions()
    .find((action) => action.getJsonTypeName() === "Action.Execute" && action.renderedElement && shown(action.renderedElement));
  return {
    height: Math.round(root.getBoundingClientRect().height),
    overflowX: Math.max(0, document.documentElement.scrollWidth - viewport),
    wide,
    truncated,
    lastInputBottom: inputs.length > 0 ? Math.max(...inputs.map((input) => bottom(input.renderedElement))) : null,
    primaryBottom: primary ? bottom(primary.renderedElement) : null,
    primaryTitle: primary ? primary.title : null,
  };
}

// Runs in the page: shows every element the card hides (toggle targets) and opens every ShowCard.
function expandInPage(hiddenIds) {
  for (const id of hiddenIds) {
    const element = window.shownCard.getElementById(id);
    if (element) element.isVisible = true;
  }
  for (const action of window.shownCard.getAllActions()) {
    if (action.getJsonTypeName() === "Action.ShowCard" && action.renderedElement && !action.renderedElement.classList.contains("expanded")) {
      action.renderedElement.click();
    }
  }
}

// The ids of the elements a card starts with hidden (isVisible: false), anywhere in it.
function hiddenIds(node, ids = []) {
  if (Array.isArray(node)) node.forEach((child) => hiddenIds(child, ids));
  else if (node && typeof node === "object") {
    if (node.isVisible === false && typeof node.id === "string") ids.push(node.id);
    Object.values(node).forEach((child) => hiddenIds(child, ids));
  }
  return ids;
}

const args = readArgs(process.argv.slice(2));
const hostConfig = JSON.parse(fs.readFileSync(HOST_CONFIG, "utf8"));
const names = fs.readdirSync(args.cards).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();

await runInBrowser(args.out, WHOLE_RUN_MS, async (page) => {
  if (names.length === 0) throw new Error(`no cards in ${args.cards}`);
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${fs.readFileSync(RENDERER_CSS, "utf8")}${BUTTON_CSS}</style></head><body><div id="host"></div></body></html>`);
  await page.addScriptTag({ path: RENDERER });
  const figures = Object.fromEntries(names.map((name) => [name, { card: name, step: isStepCard(name) }]));
  for (const width of args.widths) {
    await page.setViewportSize({ width, height: 800 });
    for (const name of names) {
      const card = JSON.parse(fs.readFileSync(path.join(args.cards, `${name}.json`), "utf8"));
      await page.evaluate(renderInPage, { card, hostConfig });
      const first = await page.evaluate(measureInPage);
      await page.screenshot({ path: path.join(args.out, `${name}-${width}.png`), fullPage: true });
      await page.evaluate(expandInPage, hiddenIds(card));
      const { overflowX, wide, truncated, height } = await page.evaluate(measureInPage);
      if (isStepCard(name)) await page.screenshot({ path: path.join(args.out, `${name}-${width}-expanded.png`), fullPage: true });
      figures[name][width] = { ...first, expanded: { height, overflowX, wide, truncated } };
    }
  }
  for (const name of names) console.log(JSON.stringify(figures[name]));
  return { cards: names.length, widths: args.widths, out: args.out };
});
