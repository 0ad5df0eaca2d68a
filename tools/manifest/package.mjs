#!/usr/bin/env node
// Builds the Teams app package from manifest/manifest.template.json.
//
//   TEAMS_APP_ID=<guid> BOT_ID=<guid> BOT_DOMAIN=<host> [APP_VERSION=1.0.0] node tools/manifest/package.mjs [--out DIR] [--check]
//
// Every ${{VAR}} in the template is replaced from the environment, the result is validated offline
// against the bundled schema, and DIR (default artifacts/appPackage) receives manifest.json and
// perijinanbot.zip (manifest.json, color.png, outline.png at the zip root). --check validates only.
// Nothing is written unless everything is valid.
//
// Exit codes: 0 written (or valid with --check), 1 package invalid, 2 missing/bad variables or usage.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePackage } from './validate.mjs';
import { createZip } from './zip.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifestDir = path.join(repoRoot, 'manifest');
const templateFile = path.join(manifestDir, 'manifest.template.json');
const defaultOut = path.join(repoRoot, 'artifacts', 'appPackage');
const zipName = 'perijinanbot.zip';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
// Teams accepts MAJOR.MINOR.PATCH only (no pre-release or build suffix).
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

const DEFAULTS = { APP_VERSION: '1.0.0' };
const RULES = {
  TEAMS_APP_ID: [GUID, 'a GUID (the Teams app id)'],
  BOT_ID: [GUID, 'a GUID (the bot\'s Microsoft Entra app id)'],
  BOT_DOMAIN: [HOST, 'a host name only, without https:// or a path (e.g. perijinanbot.azurewebsites.net)'],
  APP_VERSION: [VERSION, 'a version MAJOR.MINOR.PATCH (e.g. 1.0.0)'],
};

function parseArgs(args) {
  const options = { out: defaultOut, check: false };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && i + 1 < args.length) options.out = path.resolve(args[++i]);
    else if (args[i] === '--check') options.check = true;
    else return undefined;
  }
  return options;
}

/**
 * Resolves the template's placeholders from `env`.
 * @returns {{ text?: string, missing: string[], invalid: string[] }}
 */
export function fillTemplate(template, env) {
  const names = [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
  const values = {};
  const missing = [];
  const invalid = [];
  for (const name of names) {
    const value = env[name]?.trim() || DEFAULTS[name];
    if (!value) {
      missing.push(name);
      continue;
    }
    const [pattern, expected] = RULES[name] ?? [];
    if (pattern && !pattern.test(value)) invalid.push(`${name}=${JSON.stringify(value)} is not ${expected}`);
    values[name] = value;
  }
  if (missing.length > 0 || invalid.length > 0) return { missing, invalid };
  // Values are substituted inside JSON strings, so escape them as JSON string content.
  const text = template.replace(PLACEHOLDER, (_, name) => JSON.stringify(values[name]).slice(1, -1));
  return { text, missing, invalid };
}

function writeAtomically(file, bytes) {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, file);
}

async function main(args) {
  const options = parseArgs(args);
  if (!options) {
    console.error('usage: TEAMS_APP_ID=<guid> BOT_ID=<guid> BOT_DOMAIN=<host> [APP_VERSION=1.0.0] node tools/manifest/package.mjs [--out DIR] [--check]');
    return 2;
  }

  const { text, missing, invalid } = fillTemplate(fs.readFileSync(templateFile, 'utf8'), process.env);
  if (missing.length > 0) console.error(`Missing environment variables: ${missing.join(', ')}`);
  for (const problem of invalid) console.error(`Invalid value: ${problem}`);
  if (!text) return 2;

  const manifest = JSON.parse(text);
  const files = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    ...[manifest.icons.color, manifest.icons.outline].map((name) => ({
      name,
      data: fs.readFileSync(path.join(manifestDir, name)),
    })),
  ];
  const zip = createZip(files);

  const errors = await validatePackage(zip);
  if (errors.length > 0) {
    console.error('The app package is INVALID:');
    for (const error of errors) console.error(`  - ${error}`);
    return 1;
  }
  if (options.check) {
    console.log(`Valid: Teams app ${manifest.id} version ${manifest.version}, bot ${manifest.bots[0].botId} (nothing written).`);
    return 0;
  }

  fs.mkdirSync(options.out, { recursive: true });
  writeAtomically(path.join(options.out, 'manifest.json'), files[0].data);
  writeAtomically(path.join(options.out, zipName), zip);
  console.log(`Wrote ${path.join(options.out, zipName)} (Teams app ${manifest.id} version ${manifest.version}, bot ${manifest.bots[0].botId}).`);
  return 0;
}

// Run as a command, not when imported. realpath: a symlinked checkout must not silently skip main().
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = await main(process.argv.slice(2));
}
