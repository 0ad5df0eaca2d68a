#!/usr/bin/env bash
# Runs every test of PerijinanBot. On a fresh machine with the .NET SDK and Node.js it first installs the
# pinned Node tools (Azurite, the Agents Playground, the schema and card validators) and checks for Chromium.
# The tests start and stop Azurite, Playgrounds and the bot themselves, on free loopback ports.
# Ends with one summary line, "Tests: N passed, N failed, N skipped", and a non-zero exit on any failure.
#
#   ./test.sh            every test (CI)
#   ./test.sh --fast     only the tests that need nothing: no Azurite, Playground, Chromium, Node.js tool or bot
#                        process (the Needs trait, tests/Support/Needs.cs); neither installs nor checks Chromium
# Any other argument goes to dotnet test as is; with --fast, a --filter of your own is combined with the tier's.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '[test] %s\n' "$*"; }

FAST_FILTER='Needs!=Azurite&Needs!=Playground&Needs!=Chromium&Needs!=Node&Needs!=BotProcess'
fast=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=1 ;;
    *) args+=("$1") ;;
  esac
  shift
done
if [ "$fast" = 1 ]; then
  filter="$FAST_FILTER"
  rest=()
  for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[$i]}" = "--filter" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
      i=$((i + 1))
      filter="($FAST_FILTER)&(${args[$i]})"
    elif [[ "${args[$i]}" == --filter=* ]]; then
      filter="($FAST_FILTER)&(${args[$i]#--filter=})"
    else
      rest+=("${args[$i]}")
    fi
  done
  args=(--filter "$filter" ${rest[@]+"${rest[@]}"})
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing the pinned Node tools (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ "$fast" = 0 ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Chromium for the browser tests (apt-get install chromium)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    say "Chromium is missing: install the Debian package 'chromium' (sudo apt-get install chromium) and run again"
    exit 1
  fi
fi

RESULTS=.test-results
rm -rf "$RESULTS"
say "building"
dotnet build PerijinanBot.sln -c Debug -nologo -v quiet

if [ "$fast" = 1 ]; then
  say "running the fast tier: the tests that need no Azurite, Playground, Chromium, Node.js tool or bot process"
else
  say "running the tests"
fi
status=0
dotnet test PerijinanBot.sln -c Debug --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" ${args[@]+"${args[@]}"} || status=$?

# The hostile-input suite's figures (tests/Bot.Tests/Hostile), when it ran.
if [ -f "$RESULTS/hostile-inputs.txt" ]; then
  echo
  cat "$RESULTS/hostile-inputs.txt"
fi

# One summary over all test projects, from the TRX files each project wrote.
node -e '
  const fs = require("fs"), path = require("path");
  const dir = process.argv[1]; let passed = 0, failed = 0, skipped = 0, files = 0; const failures = [];
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!f.endsWith(".trx")) continue;
    files++;
    const trx = fs.readFileSync(path.join(dir, f), "utf8");
    const c = /<Counters\b[^>]*>/.exec(trx)?.[0] ?? "";
    const n = (k) => Number(new RegExp(`\\b${k}="(\\d+)"`).exec(c)?.[1] ?? 0);
    passed += n("passed"); failed += n("failed") + n("error") + n("timeout") + n("aborted"); skipped += n("notExecuted");
    // Name every failed test with the first lines of its message, so the tail of a CI log says what broke.
    for (const m of trx.matchAll(/<UnitTestResult\b[^>]*\btestName="([^"]*)"[^>]*\boutcome="(?!Passed|NotExecuted)[^"]*"[^>]*>([\s\S]*?)<\/UnitTestResult>/g)) {
      const message = (/<Message>([\s\S]*?)<\/Message>/.exec(m[2])?.[1] ?? "").split("\n").slice(0, 6).join("\n      ");
      failures.push(`  FAILED ${m[1]}\n      ${message}`);
    }
  }
  if (failures.length) console.log(`\nFailed tests:\n${failures.join("\n")}`);
  console.log(`\n${files} test projects`);
  console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (files === 0 || passed === 0) process.exit(1);
' "$RESULTS" || status=1
exit $status
