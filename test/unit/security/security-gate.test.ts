// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { judge, parseAllowlist, readFindings, type AllowEntry } from '../../../scripts/security-gate-lib.mjs';

const root = resolve(__dirname, '../../..');

/** A report shaped exactly like electronegativity 1.10.3's `-r -o report.sarif`. */
function sarif(results: Array<{ ruleId: string; uri: string; line?: number; level?: string }>): string {
  return JSON.stringify({
    $schema: 'http://json.schemastore.org/sarif-2.1.0',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', version: '1.10.3', rules: [] } },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          level: r.level ?? 'warning',
          message: { text: `${r.ruleId} description` },
          locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line ?? 1, startColumn: 7, charLength: 0 } } }],
        })),
      },
    ],
  });
}

const report = sarif([
  { ruleId: 'CSP_GLOBAL_CHECK', uri: 'file:///' },
  { ruleId: 'PRELOAD_JS_CHECK', uri: 'window.ts', line: 50, level: 'note' },
  { ruleId: 'CONTEXT_ISOLATION_JS_CHECK', uri: 'app\\second-window.ts', line: 12 },
]);
const allow = (check: string, file: string): AllowEntry => ({ check, file, reason: 'checked by hand' });

describe('readFindings', () => {
  it('reads check, repo-relative file, position and the review marker', () => {
    expect(readFindings(report, 'main')).toEqual([
      { check: 'CSP_GLOBAL_CHECK', file: 'N/A', line: 1, column: 7, message: 'CSP_GLOBAL_CHECK description', review: false },
      { check: 'PRELOAD_JS_CHECK', file: 'main/window.ts', line: 50, column: 7, message: 'PRELOAD_JS_CHECK description', review: true },
      { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/app/second-window.ts', line: 12, column: 7, message: 'CONTEXT_ISOLATION_JS_CHECK description', review: false },
    ]);
  });

  it('refuses what is not a SARIF report rather than passing on it', () => {
    expect(() => readFindings('issue, severity\n', 'main')).toThrow();
    expect(() => readFindings('{"version":"2.1.0","runs":[]}', 'main')).toThrow(/SARIF/);
    expect(() => readFindings(JSON.stringify({ version: '2.1.0', runs: [{ results: [{ level: 'warning' }] }] }), 'main')).toThrow(/unreadable/);
  });
});

describe('judge', () => {
  const findings = readFindings(report, 'main');

  it('fails on a finding that is not allowlisted, listing only that one', () => {
    const verdict = judge(findings, [allow('CSP_GLOBAL_CHECK', 'N/A'), allow('PRELOAD_JS_CHECK', 'main/window.ts')]);
    expect(verdict.exitCode).toBe(1);
    expect(verdict.report).toContain('1 of 3 findings are not allowlisted');
    expect(verdict.report).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(verdict.report).toContain('main/app/second-window.ts:12:7');
    expect(verdict.report).not.toContain('PRELOAD_JS_CHECK');
  });

  it('matches an allowlist entry on check AND file', () => {
    const verdict = judge(findings, [allow('CSP_GLOBAL_CHECK', 'N/A'), allow('PRELOAD_JS_CHECK', 'main/window.ts'), allow('CONTEXT_ISOLATION_JS_CHECK', 'main/window.ts')]);
    expect(verdict.exitCode).toBe(1);
    expect(verdict.report).toContain('main/app/second-window.ts');
  });

  it('passes when every finding is allowlisted', () => {
    const verdict = judge(findings, [allow('CSP_GLOBAL_CHECK', 'N/A'), allow('PRELOAD_JS_CHECK', 'main/window.ts'), allow('CONTEXT_ISOLATION_JS_CHECK', 'main/app/second-window.ts')]);
    expect(verdict).toEqual({ exitCode: 0, report: 'security gate: 3 findings, all allowlisted' });
  });

  it('fails on an allowlist entry that matches nothing, so a stale excuse cannot hide the next finding', () => {
    const verdict = judge(findings.slice(0, 1), [allow('CSP_GLOBAL_CHECK', 'N/A'), allow('PRELOAD_JS_CHECK', 'main/window.ts')]);
    expect(verdict.exitCode).toBe(1);
    expect(verdict.report).toMatch(/match no finding[\s\S]*PRELOAD_JS_CHECK {2}main\/window\.ts/);
  });
});

describe('parseAllowlist', () => {
  it('reads the project allowlist, every entry with a reason', async () => {
    const list = parseAllowlist(await readFile(join(root, 'security/electronegativity-allowlist.json'), 'utf8'));
    expect(list.length).toBeGreaterThan(0);
  });

  it('refuses entries without a reason, with unknown keys, or listed twice', () => {
    expect(() => parseAllowlist('[{"check":"A","file":"f"}]')).toThrow(/reason/);
    expect(() => parseAllowlist('[{"check":"A","file":"f","reason":"  "}]')).toThrow(/reason must be a non-empty string/);
    expect(() => parseAllowlist('[{"check":"A","file":"f","reason":"r","line":3}]')).toThrow(/exactly/);
    expect(() => parseAllowlist('[{"check":"A","file":"f","reason":"r"},{"check":"A","file":"f","reason":"s"}]')).toThrow(/twice/);
    expect(() => parseAllowlist('{"check":"A"}')).toThrow(/array/);
  });
});

describe('security gate script', () => {
  it('runs the real electronegativity and fails on a window without context isolation', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gate-'));
    try {
      await mkdir(join(dir, 'app'));
      await writeFile(
        join(dir, 'app', 'window.js'),
        "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true } });\n",
      );
      await writeFile(join(dir, 'allow.json'), JSON.stringify([allow('CSP_GLOBAL_CHECK', 'N/A')]));
      const run = await promisify(execFile)(process.execPath, [join(root, 'scripts/security-gate.mjs'), '--input', 'app', '--allowlist', 'allow.json'], { cwd: dir }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => e,
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/CONTEXT_ISOLATION_JS_CHECK +app\/window\.js:2:/);
      expect(run.stdout).not.toContain('CSP_GLOBAL_CHECK');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
