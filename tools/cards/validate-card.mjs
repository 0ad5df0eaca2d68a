#!/usr/bin/env node
// Parses Adaptive Cards with the official client library (the renderer's own parser, no DOM needed) and
// reports every problem it records: unknown elements, bad property values, version mismatches.
//   node tools/cards/validate-card.mjs card1.json [card2.json ...]
// Prints one JSON line per card: {"file","ok","version","events":[{"phase","event","message"}]}; exit 1 if any card has events
// (2 on bad arguments).
import fs from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.js");

let files;
try {
  files = parseArgs({ args: process.argv.slice(2), options: {}, allowPositionals: true }).positionals;
} catch (e) {
  console.error(`validate-card: ${e.message}\nusage: node tools/cards/validate-card.mjs card1.json [card2.json ...]`);
  process.exit(2);
}

let failed = false;
for (const file of files) {
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  }
  // Validation beyond parsing: e.g. duplicate ids, missing required properties.
  for (const e of card.validateProperties().validationEvents) {
    events.push({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  }
  if (events.length > 0) failed = true;
  console.log(JSON.stringify({ file, ok: events.length === 0, version: json.version, events }));
}
process.exit(failed ? 1 : 0);
