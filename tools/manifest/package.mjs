#!/usr/bin/env node
// Builds the Teams app package from appPackage/manifest.json (the Microsoft 365 Agents Toolkit's layout).
//
//   node tools/manifest/package.mjs --env dev [--env-dir DIR] [--out DIR] [--check]
//   TEAMS_APP_ID=<guid> BOT_ID=<guid> BOT_DOMAIN=<host> [APP_VERSION=1.0.0] node tools/manifest/package.mjs [--out DIR] [--check]
//
// Every ${{VAR}} in the manifest is replaced from the environment files env/.env.<env> and env/.env.<env>.user (the
// ones m365agents*.yml use; --env-dir moves the folder), where a value the files leave empty or do not name is taken from
// the process environment; without --env, from the process environment alone. The result is validated offline
// against the bundled schema, and DIR (default artifacts/appPackage, or artifacts/appPackage/<env>) receives
// manifest.json and perijinanbot.zip (manifest.json, color.png, outline.png at the zip root). --check validates only.
// Nothing is written unless everything is valid. The zip is reproducible: the same inputs give the same bytes
// (fixed entry order, timestamp and permissions).
//
// Exit codes: 0 written (or valid with --check), 1 package invalid, 2 missing/bad variables or usage.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import yazl from 'yazl';
import { validatePackage } from './validate.mjs';
import { readEnvironment } from './envfile.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifestDir = path.join(repoRoot, 'appPackage');
const templateFile = path.join(manifestDir, 'manifest.json');
const defaultEnvDir = path.join(repoRoot, 'env');
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

// Every entry gets this timestamp, so a rebuild gives the same bytes: 1980-01-01 00:00, the first time a zip can hold.
// It is built from local-time fields because yazl writes the DOS fields in local time; with the UTC "UT" extra field
// left out (forceDosTimestamp), the bytes do not depend on the machine's time zone either.
const ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);
const ENTRY_MODE = 0o100644; // a regular file, rw-r--r--

/** @returns {{ out: string, check: boolean, env?: string, envDir: string } | undefined} undefined on bad usage */
function readOptions(args) {
  try {
    const { values } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        check: { type: 'boolean', default: false },
        env: { type: 'string' },
        'env-dir': { type: 'string' },
      },
    });
    if (values.env !== undefined && !/^[A-Za-z0-9_-]+$/.test(values.env)) return undefined;
    const out = values.out !== undefined ? path.resolve(values.out) : values.env ? path.join(defaultOut, values.env) : defaultOut;
    return { out, check: values.check, env: values.env, envDir: path.resolve(values['env-dir'] ?? defaultEnvDir) };
  } catch {
    return undefined;
  }
}

/** The variables to fill the manifest with: the environment's files, gaps filled from the process environment. */
function variables(options) {
  if (!options.env) return { values: process.env, problems: [] };
  const { values, files, problems } = readEnvironment(options.env, options.envDir);
  const merged = { ...values };
  for (const [name, value] of Object.entries(process.env)) {
    if (!merged[name]?.trim()) merged[name] = value;
  }
  if (files.length > 0) console.log(`Environment ${options.env}: ${files.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
  return { values: merged, problems };
}

/**
 * Builds the zip in memory, entries in the given order, each deflated at level 9 with the fixed time and mode.
 * @param {{ name: string, data: Buffer }[]} files
 * @returns {Promise<Buffer>}
 */
function createZip(files) {
  const zip = new yazl.ZipFile();
  const chunks = [];
  const done = new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  for (const { name, data } of files) {
    zip.addBuffer(data, name, { mtime: ENTRY_TIME, mode: ENTRY_MODE, compressionLevel: 9, forceDosTimestamp: true });
  }
  zip.end();
  return done;
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
  const options = readOptions(args);
  if (!options) {
    console.error('usage: node tools/manifest/package.mjs --env <dev|local|playground> [--env-dir DIR] [--out DIR] [--check]');
    console.error('   or: TEAMS_APP_ID=<guid> BOT_ID=<guid> BOT_DOMAIN=<host> [APP_VERSION=1.0.0] node tools/manifest/package.mjs [--out DIR] [--check]');
    return 2;
  }

  const environment = variables(options);
  for (const problem of environment.problems) console.error(problem);
  if (environment.problems.length > 0) return 2;
  const { text, missing, invalid } = fillTemplate(fs.readFileSync(templateFile, 'utf8'), environment.values);
  if (missing.length > 0) {
    const where = options.env ? ` (set them in ${path.join(path.relative(process.cwd(), options.envDir) || '.', `.env.${options.env}`)}; provision writes the ids)` : '';
    console.error(`Missing environment variables: ${missing.join(', ')}${where}`);
  }
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
  const zip = await createZip(files);

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
