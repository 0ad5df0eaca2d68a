// Reads the Microsoft 365 Agents Toolkit's environment files: env/.env.<name> (committed) and env/.env.<name>.user
// (git-ignored secrets), KEY=VALUE per line, '#' starts a comment line, a value may be quoted. The same files the
// toolkit's m365agents*.yml read, so the offline package and `atk package` fill the manifest from one source.
import fs from 'node:fs';
import path from 'node:path';

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/** Parses one env file's text into { NAME: value }. Lines that are not KEY=VALUE are named in `problems`. */
export function parseEnvText(text, file = 'env file', problems = []) {
  const values = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(raw);
    if (!match) {
      problems.push(`${file}:${index + 1} is not NAME=value`);
      return;
    }
    let value = match[2].trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    values[match[1]] = value;
  });
  return values;
}

/**
 * The variables of environment `name` in `envDir`: .env.<name>, then .env.<name>.user over it.
 * @returns {{ values: Record<string, string>, files: string[], problems: string[] }}
 */
export function readEnvironment(name, envDir) {
  const problems = [];
  const main = path.join(envDir, `.env.${name}`);
  if (!fs.existsSync(main)) return { values: {}, files: [], problems: [`${main} does not exist (environments: ${listEnvironments(envDir).join(', ') || 'none'})`] };
  const files = [main];
  let values = parseEnvText(fs.readFileSync(main, 'utf8'), main, problems);
  const user = `${main}.user`;
  if (fs.existsSync(user)) {
    files.push(user);
    values = { ...values, ...parseEnvText(fs.readFileSync(user, 'utf8'), user, problems) };
  }
  return { values, files, problems };
}

/** The environment names that have a .env.<name> file. */
export function listEnvironments(envDir) {
  if (!fs.existsSync(envDir)) return [];
  return fs.readdirSync(envDir)
    .map((file) => /^\.env\.([A-Za-z0-9_-]+)$/.exec(file)?.[1])
    .filter(Boolean)
    .sort();
}
