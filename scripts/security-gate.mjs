// Security gate: runs electronegativity on the main process and fails on any finding that is not on
// security/electronegativity-allowlist.json. Run from the repository root (npm run does).
// Exit codes: 0 all findings allowlisted, 1 findings to fix (or stale allowlist entries), 2 the gate could not judge.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { judge, parseAllowlist, readFindings } from './security-gate-lib.mjs';

const { values } = parseArgs({
  options: {
    input: { type: 'string', default: 'main' },
    allowlist: { type: 'string', default: 'security/electronegativity-allowlist.json' },
  },
});

const dir = mkdtempSync(join(tmpdir(), 'security-gate-'));
try {
  const verdict = gate(join(dir, 'report.sarif'));
  console.log(verdict.report);
  process.exitCode = verdict.exitCode;
} catch (e) {
  console.error(`security gate: cannot judge: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** @param {string} report where electronegativity writes its SARIF */
function gate(report) {
  const allowlist = parseAllowlist(readFileSync(values.allowlist, 'utf8'));
  // The installed CLI, called directly: npx would go looking on the registry if it were missing.
  const cli = join(dirname(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const input = resolve(values.input);
  const run = spawnSync(process.execPath, [cli, '-i', input, '-r', '-e', electronVersion(), '-o', report], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (run.status !== 0) {
    throw new Error(`electronegativity failed (${run.error?.message ?? run.signal ?? `exit ${run.status}`})\n${run.stdout}${run.stderr}`);
  }
  const scanned = relative(process.cwd(), input).replaceAll('\\', '/') || '.';
  return judge(readFindings(readFileSync(report, 'utf8'), scanned), allowlist);
}

/** The Electron the app ships, from package.json, so the checks follow an upgrade without editing this file. */
function electronVersion() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const version = /\d+\.\d+\.\d+/.exec(pkg.devDependencies?.electron ?? '')?.[0];
  if (!version) throw new Error('no Electron version in package.json devDependencies');
  return version;
}
