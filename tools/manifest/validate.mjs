#!/usr/bin/env node
// Offline validation of a Teams app manifest (manifest.json) or app package (.zip).
//
//   node tools/manifest/validate.mjs <manifest.json | package.zip>
//
// Exit codes: 0 valid, 1 invalid (errors on stderr), 2 usage error.
//
// The schema named by `$schema` is read from the copy bundled in @microsoft/app-manifest
// (node_modules/@microsoft/app-manifest/build/json-schemas/...). Its own fetchSchema() would fall
// back to downloading a schema that is not bundled, so we resolve the file ourselves, hand the
// schema object to validateAgainstSchema, and disable fetch while it runs.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import crc32 from 'buffer-crc32';
import { PNG } from 'pngjs';
import yauzl from 'yauzl';

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require('@microsoft/app-manifest');
const bundleRoot = path.dirname(require.resolve('@microsoft/app-manifest'));

const COLOR_ICON_SIZE = 192;
const OUTLINE_ICON_SIZE = 32;

/** Loads the bundled schema for a developer.microsoft.com Teams schema URL; throws if it is not bundled. */
export function loadBundledSchema(schemaUrl) {
  const suffix = typeof schemaUrl === 'string' ? AppManifestUtils.getLocalSchemaSuffix(schemaUrl) : undefined;
  if (!suffix || !suffix.startsWith('json-schemas/teams/')) {
    throw new Error(`$schema must be a https://developer.microsoft.com/json-schemas/teams/... URL, got: ${schemaUrl}`);
  }
  const file = path.join(bundleRoot, suffix);
  if (!fs.existsSync(file)) {
    throw new Error(`${schemaUrl} is not bundled with @microsoft/app-manifest (looked for ${file}); refusing to download it`);
  }
  // Same clean-up as AppManifestUtils.fetchSchema: some schemas contain \a and \v escapes JSON does not allow.
  const text = fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(text);
}

/**
 * Validates a parsed manifest against its bundled schema, plus the checks the schema cannot make.
 * @returns {Promise<string[]>} errors; empty when valid
 */
export async function validateManifest(manifest) {
  const errors = [];
  const text = JSON.stringify(manifest);
  const leftovers = [...new Set(text.match(/\$\{\{[^}]*\}\}/g) ?? [])];
  if (leftovers.length > 0) errors.push(`unresolved placeholders: ${leftovers.join(', ')}`);
  // Step 7's dokumentasi arrives as files sent in the 1:1 chat, which Teams delivers only to a bot with supportsFiles
  // (Microsoft Learn, "Send and receive files using bot", "Configure the bot to support files").
  if (Array.isArray(manifest?.bots) && manifest.bots.some((bot) => bot?.supportsFiles !== true)) {
    errors.push('bots[].supportsFiles must be true: the Anggota sends the dokumentasi files to the bot in the 1:1 chat');
  }

  let schema;
  try {
    schema = loadBundledSchema(manifest?.$schema);
  } catch (error) {
    return [...errors, error.message];
  }

  const realFetch = globalThis.fetch;
  globalThis.fetch = () => {
    throw new Error('network access is disabled during offline manifest validation');
  };
  try {
    errors.push(...(await AppManifestUtils.validateAgainstSchema(manifest, schema)));
  } finally {
    globalThis.fetch = realFetch;
  }
  return errors;
}

function checkIcon(name, data, size, outline) {
  let image;
  try {
    image = PNG.sync.read(data); // any PNG, as 8-bit RGBA
  } catch (error) {
    return [`${name}: not a readable PNG (${error.message})`];
  }
  const errors = [];
  if (image.width !== size || image.height !== size) {
    errors.push(`${name}: must be ${size}x${size} pixels, is ${image.width}x${image.height}`);
  }
  if (outline) {
    let transparent = 0;
    let coloured = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b, a] = image.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r !== 255 || g !== 255 || b !== 255) coloured++;
    }
    if (transparent === 0) errors.push(`${name}: outline icon needs a transparent background`);
    if (coloured > 0) errors.push(`${name}: outline icon must be white only; ${coloured} pixels are not white`);
  }
  return errors;
}

/**
 * Every entry of a zip, in central directory order, with its data checked against its CRC-32
 * (yauzl checks the sizes but leaves the CRC to its caller).
 * @param {Buffer} zip
 * @returns {Promise<{ name: string, data: Buffer }[]>}
 */
async function readZip(zip) {
  const archive = await yauzl.fromBufferPromise(zip);
  const entries = [];
  for await (const entry of archive.eachEntry()) {
    const chunks = [];
    for await (const chunk of await archive.openReadStreamPromise(entry)) chunks.push(chunk);
    const data = Buffer.concat(chunks);
    if (crc32.unsigned(data) !== entry.crc32) throw new Error(`${entry.fileName}: CRC mismatch`);
    entries.push({ name: entry.fileName, data });
  }
  return entries;
}

/**
 * Validates an app package: manifest.json and the icons it names at the zip root, nothing in folders.
 * @param {Buffer} zip
 * @returns {Promise<string[]>} errors; empty when valid
 */
export async function validatePackage(zip) {
  let entries;
  try {
    entries = await readZip(zip);
  } catch (error) {
    return [`not a readable zip: ${error.message}`];
  }
  const errors = [];
  const files = new Map(entries.map((e) => [e.name, e.data]));
  const nested = entries.filter((e) => e.name.includes('/') || e.name.includes('\\'));
  if (nested.length > 0) errors.push(`files must be at the package root: ${nested.map((e) => e.name).join(', ')}`);

  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) return [...errors, 'manifest.json is missing from the package root'];
  let manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return [...errors, `manifest.json is not valid JSON: ${error.message}`];
  }
  errors.push(...(await validateManifest(manifest)));

  for (const [key, size, outline] of [
    ['color', COLOR_ICON_SIZE, false],
    ['outline', OUTLINE_ICON_SIZE, true],
  ]) {
    const name = manifest.icons?.[key];
    if (typeof name !== 'string') continue; // the schema has already reported it
    const data = files.get(name);
    if (!data) errors.push(`icons.${key} names ${name}, which is not in the package`);
    else errors.push(...checkIcon(name, data, size, outline));
  }
  return errors;
}

/** Validates a manifest.json or .zip file on disk. */
export async function validateFile(file) {
  const bytes = fs.readFileSync(file);
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') return validatePackage(bytes);
  let manifest;
  try {
    manifest = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return [`not valid JSON: ${error.message}`];
  }
  return validateManifest(manifest);
}

async function main(args) {
  let file;
  try {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
    if (positionals.length === 1) file = positionals[0];
  } catch {
    // an option: this command takes none
  }
  if (file === undefined) {
    console.error('usage: node tools/manifest/validate.mjs <manifest.json | package.zip>');
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`${file}: no such file`);
    return 2;
  }
  const errors = await validateFile(file);
  if (errors.length > 0) {
    console.error(`${file} is INVALID:`);
    for (const error of errors) console.error(`  - ${error}`);
    return 1;
  }
  console.log(`${file} is valid (schema checked offline against the bundled copy).`);
  return 0;
}

// Run as a command, not when imported. realpath: a symlinked checkout must not silently skip main().
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = await main(process.argv.slice(2));
}
