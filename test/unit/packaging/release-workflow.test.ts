// @vitest-environment node
/**
 * .github/workflows/release.yml runs on a CI service with internet access, never here. This checks what can
 * be checked without running it: it is a well-formed GitHub Actions workflow, the matrix covers the three
 * operating systems and builds exactly the installers electron-builder.yml declares, and every npm script,
 * npx tool and repository file it calls exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml, readBuilderConfig } from '../../../scripts/packaging-lib.mjs';

const root = resolve(__dirname, '../../..');
const workflowFile = '.github/workflows/release.yml';

interface Step {
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  [key: string]: unknown;
}
interface Job {
  'runs-on'?: string;
  strategy?: { matrix?: { include?: Array<Record<string, string>>; os?: string[] } };
  steps?: Step[];
  [key: string]: unknown;
}
interface Workflow {
  name?: string;
  on?: unknown;
  jobs?: Record<string, Job>;
  [key: string]: unknown;
}

const workflow = parseYaml(readFileSync(join(root, workflowFile), 'utf8')) as Workflow;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const direct = { ...pkg.dependencies, ...pkg.devDependencies };
const jobs = Object.entries(workflow.jobs ?? {});
const steps = jobs.flatMap(([, job]) => job.steps ?? []);
const runs = steps.flatMap((s) => (typeof s.run === 'string' ? [s.run] : []));
/** Shell lines, comments dropped, with matrix values substituted in every variant. */
const matrixRows = jobs.flatMap(([, job]) => job.strategy?.matrix?.include ?? []);
const lines = runs
  .flatMap((r) => r.split('\n'))
  .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
  .filter(Boolean)
  .flatMap((l) => (l.includes('${{ matrix.') ? matrixRows.map((row) => l.replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, k: string) => row[k] ?? `<no matrix.${k}>`)) : [l]));

describe('the release workflow', () => {
  it('is a workflow: a name, triggers, jobs with a runner and steps that each run or use something', () => {
    expect(typeof workflow.name).toBe('string');
    expect(workflow.on).toBeTruthy();
    expect(jobs.length).toBeGreaterThan(0);
    for (const [id, job] of jobs) {
      expect(job['runs-on'], `${id}: runs-on`).toBeTruthy();
      expect(Array.isArray(job.steps) && job.steps.length > 0, `${id}: steps`).toBe(true);
      for (const [i, step] of (job.steps ?? []).entries()) {
        const label = `${id} step ${String(i + 1)} (${step.name ?? step.uses ?? 'unnamed'})`;
        expect(typeof step.run === 'string' || typeof step.uses === 'string', `${label}: run or uses`).toBe(true);
        expect(step.run !== undefined && step.uses !== undefined, `${label}: not both run and uses`).toBe(false);
        if (step.with) expect(step.uses, `${label}: with needs uses`).toBeDefined();
        if (step.uses) expect(step.uses, `${label}: an action pinned to a version`).toMatch(/^[\w.-]+\/[\w./-]+@[\w.-]+$/);
        if (step.if) expect(step.if, `${label}: if on the runner's OS`).toMatch(/^runner\.os [!=]= '(Linux|Windows|macOS)'$/);
      }
    }
  });

  it('has a matrix on Linux, Windows and macOS, and every matrix value a step uses is defined for each OS', () => {
    const [, job] = jobs.find(([, j]) => j.strategy?.matrix) ?? [];
    expect(job?.['runs-on']).toBe('${{ matrix.os }}');
    expect(matrixRows.map((r) => r.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    const used = new Set([...JSON.stringify(job).matchAll(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g)].map((m) => m[1]!));
    for (const row of matrixRows) expect([...used].filter((k) => !(k in row)), row.os).toEqual([]);
  });

  it('builds on each OS exactly the installers electron-builder.yml declares', () => {
    const config = readBuilderConfig(root) as Record<string, { target?: string[] } | undefined>;
    const declared = { '--linux': config.linux?.target, '--win': config.win?.target, '--mac': config.mac?.target };
    const built = lines.filter((l) => l.startsWith('npx electron-builder '));
    expect(built.length).toBe(3);
    for (const line of built) {
      const [, platform, targets] = /^npx electron-builder (--\w+) ([^-]+?) --publish never$/.exec(line) ?? [];
      expect(platform, line).toBeDefined();
      expect(targets!.split(' ').sort(), line).toEqual([...(declared[platform as keyof typeof declared] ?? [])].sort());
    }
  });

  it('calls only npm scripts that exist and npx tools the project pins', () => {
    const scripts = lines.flatMap((l) => [...l.matchAll(/\bnpm (?:run(?:-script)? )?(\S+)/g)].map((m) => m[1]!)).filter((s) => !['ci', 'run'].includes(s));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => pkg.scripts[s] === undefined), 'npm scripts missing from package.json').toEqual([]);
    expect(scripts).toContain('test');

    const tools = lines.flatMap((l) => [...l.matchAll(/\bnpx (\S+)/g)].map((m) => m[1]!));
    expect(tools.length).toBeGreaterThan(0);
    const pinned = (tool: string) => {
      if (direct[tool]) return true; // a package name (npx @electron/fuses, npx electron-builder)
      // a bin name (npx playwright): one of the project's own packages must provide it
      return Object.keys(direct).some((dep) => {
        const file = join(root, 'node_modules', dep, 'package.json');
        if (!existsSync(file)) return false;
        const bin = (JSON.parse(readFileSync(file, 'utf8')) as { bin?: string | Record<string, string> }).bin;
        return typeof bin === 'object' && bin !== null && tool in bin;
      });
    };
    expect(tools.filter((t) => !pinned(t)), 'npx tools that are not (dev)dependencies: npx would fetch an unpinned one').toEqual([]);
  });

  it('refers only to files that exist in the repository (or that npm ci installs)', () => {
    const paths = lines.flatMap((l) => [...l.matchAll(/(?:^|[\s"'])((?:\.\/)?(?:test|scripts|\.ci|docs|main|renderer|security|node_modules)\/[\w.@/-]+)/g)].map((m) => m[1]!));
    expect(paths).toEqual(expect.arrayContaining(['test/with-keyring.sh', 'test/e2e/electron.e2e.ts', 'scripts/check-fuses.mjs']));
    // node_modules/electron/dist/… and path.txt are what the download step creates; the rest must be there now.
    const checked = paths.filter((p) => !p.startsWith('node_modules/electron/dist/') && p !== 'node_modules/electron/path.txt');
    expect(checked.filter((p) => !existsSync(join(root, p))), 'missing files').toEqual([]);
  });

  it('proves each built app: fuses read back, the real-Electron spec (Linux: Xvfb and a private keyring)', () => {
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^npx @electron\/fuses read --app "release\//)]));
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^node scripts\/check-fuses\.mjs --app /)]));
    expect(lines).toContain('xvfb-run -a bash test/with-keyring.sh npx playwright test test/e2e/electron.e2e.ts');
    expect(lines).toContain('npx playwright test test/e2e/electron.e2e.ts');
    expect(lines).toContain('npm test');
    const apt = lines.find((l) => l.startsWith('sudo apt-get install'));
    for (const p of ['libsecret-1-dev', 'gnome-keyring', 'dbus', 'xvfb']) expect(apt, p).toContain(p);
  });
});
