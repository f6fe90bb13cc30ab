// @vitest-environment node
/**
 * The packaged app, built here without the Electron binary (which cannot be downloaded on this project's
 * machines): electron-builder --dir with a stand-in Electron distribution, a small file that carries Electron
 * 45's fuse wire. electron-builder flips the fuses in it exactly as in the real binary, so reading them back
 * checks electron-builder.yml's hardening end to end; the asar it writes is the real one, listed file by file.
 * (The installers themselves, and the fuses of the real binaries, are checked by .github/workflows/release.yml.)
 *
 * Before this test existed the asar was 32.6 MB with 5,697 files under node_modules (axios, zod and the
 * spreadsheet libraries shipped twice: bundled and as packages; keytar's build tools and sources).
 */
import { extractFile, listPackage, statFile } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ELECTRON_45_FUSES,
  FUSE_POLICY,
  compareFuses,
  dynamicRequires,
  foreignRequires,
  formatFuseRows,
  readBuilderConfig,
  standInElectron,
} from '../../../scripts/packaging-lib.mjs';

const root = resolve(__dirname, '../../..');
const config = readBuilderConfig(root);
const electronFuses = config.electronFuses ?? {};
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const executableName = config.linux?.executableName ?? 'profile-desk';

/** The asar budget: everything the app is made of. */
const ASAR_BUDGET_BYTES = 3_000_000;
/** Packages main uses that esbuild bundles into dist/main/index.js: never shipped as packages. */
const BUNDLED = ['axios', 'zod', 'csv-parse', 'csv-stringify', 'iconv-lite', 'exceljs'];

const posix = (p: string) => p.split(sep).join('/');
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;

/** npm test builds dist/ before the unit tests; a lone `npx vitest run` builds it here if it is missing. */
function ensureDist(): void {
  const needed = ['dist/main/index.js', 'dist/main/index.js.map', 'dist/main/preload.js', 'dist/renderer/index.html'];
  if (needed.every((f) => existsSync(join(root, f)))) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}

let tmp = '';
let appDir = '';
let asarPath = '';
let files: string[] = [];
let unpacked: string[] = [];

beforeAll(() => {
  ensureDist();
  tmp = mkdtempSync(join(tmpdir(), 'profile-desk-packaging-'));
  const electronDist = join(tmp, 'electron-dist');
  mkdirSync(electronDist);
  // Every fuse electron-builder.yml sets starts at the opposite value, so the read-back proves electron-builder
  // wrote each one; a fuse it does not set starts at Electron's default, as in the real binary.
  const wire = ELECTRON_45_FUSES.map((f) => {
    const configured = f.key == null ? undefined : electronFuses[f.key];
    return (typeof configured === 'boolean' ? !configured : f.electronDefault) ? '1' : '0';
  }).join('');
  writeFileSync(join(electronDist, 'electron'), standInElectron(wire), { mode: 0o755 });
  writeFileSync(join(electronDist, 'version'), electronVersion);

  const out = join(tmp, 'out');
  const cli = join(root, 'node_modules/electron-builder/cli.js');
  const args = [cli, '--dir', '--linux', '--x64', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.electronVersion=${electronVersion}`, `-c.directories.output=${out}`];
  const env = { ...process.env, ELECTRON_BUILDER_CACHE: join(tmp, 'cache'), CSC_LINK: '', CSC_IDENTITY_AUTO_DISCOVERY: 'false' };
  const started = Date.now();
  const built = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (built.status !== 0) throw new Error(`electron-builder failed (${String(built.status)}):\n${built.stdout}\n${built.stderr}`);
  console.log(`packaging: electron-builder --dir --linux with a stand-in Electron ${electronVersion} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  appDir = join(out, 'linux-unpacked');
  asarPath = join(appDir, 'resources', 'app.asar');
  const entries = listPackage(asarPath, { isPack: false }).map((p) => posix(p).replace(/^\//, ''));
  const stats = new Map(entries.map((p) => [p, statFile(asarPath, p)] as const));
  files = entries.filter((p) => !('files' in stats.get(p)!));
  unpacked = files.filter((p) => stats.get(p)!.unpacked === true);
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the fuses of the packaged app', () => {
  it('electron-builder.yml states every fuse electron-builder can set, as the hardening policy says', () => {
    const unset = ELECTRON_45_FUSES.filter((f) => f.key != null && typeof electronFuses[f.key] !== 'boolean').map((f) => f.key);
    expect(unset, 'fuses left to Electron’s default without saying so').toEqual([]);
    const policy = Object.fromEntries(Object.keys(FUSE_POLICY).map((k) => [k, electronFuses[k]]));
    expect(policy).toEqual(FUSE_POLICY);
    expect(electronVersion.split('.')[0], 'ELECTRON_45_FUSES describes Electron 45’s wire: check it against the new version’s fuses').toBe('45');
  });

  it('reads back, fuse by fuse, as configured (the 9th at Electron’s default)', async () => {
    const binary = join(appDir, executableName);
    const result = compareFuses(await getCurrentFuseWire(binary), electronFuses);
    const cli = spawnSync(process.execPath, [join(root, 'node_modules/@electron/fuses/dist/bin.js'), 'read', '--app', binary], { encoding: 'utf8' });
    console.log(`packaging: npx @electron/fuses read --app ${relative(tmp, binary)}\n${cli.stdout.trim()}\n${formatFuseRows(result)}`);
    expect(result.rows.filter((r) => !r.ok).map((r) => `${r.name}: ${r.actual}, expected ${r.expected}`)).toEqual([]);
    expect(result.count).toBe(ELECTRON_45_FUSES.length);
    expect(result.version).toBe('1');
    expect(result.ok).toBe(true);
  });
});

describe('the asar holds what the app needs and nothing else', () => {
  it('the app, its renderer assets, package.json and keytar (with its addon unpacked)', () => {
    const rendererFiles = walk(join(root, 'dist/renderer'))
      .map((f) => posix(relative(root, f)))
      .filter((f) => !f.endsWith('.map'));
    const html = readFileSync(join(root, 'dist/renderer/index.html'), 'utf8');
    const referenced = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => `dist/renderer/${m[1]}`);
    expect(referenced.length, 'index.html references its script and styles').toBeGreaterThan(0);
    expect(referenced.filter((f) => !files.includes(f))).toEqual([]);

    const required = [
      'package.json',
      'dist/main/index.js',
      'dist/main/preload.js',
      'dist/renderer/index.html',
      'node_modules/keytar/package.json',
      'node_modules/keytar/lib/keytar.js',
      'node_modules/keytar/build/Release/keytar.node',
    ];
    const optional = ['node_modules/keytar/LICENSE.md'];
    expect(required.filter((f) => !files.includes(f)), 'missing from the asar').toEqual([]);
    const expected = new Set([...required, ...rendererFiles, ...optional.filter((f) => files.includes(f))]);
    expect(files.filter((f) => !expected.has(f)), 'in the asar but not part of the app').toEqual([]);
    expect([...expected].filter((f) => !files.includes(f)), 'in dist/renderer but not in the asar').toEqual([]);

    // The shipped package.json points at the bundle and names keytar as the only dependency.
    const shipped = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(shipped.main).toBe('dist/main/index.js');
    expect(shipped.dependencies).toEqual({ keytar: expect.any(String) });
  });

  it('only keytar.node is unpacked, and it is really there next to the asar', () => {
    expect(unpacked).toEqual(['node_modules/keytar/build/Release/keytar.node']);
    const onDisk = walk(join(appDir, 'resources', 'app.asar.unpacked')).map((f) => posix(relative(join(appDir, 'resources', 'app.asar.unpacked'), f)));
    expect(onDisk).toEqual(unpacked);
    const addon = join(appDir, 'resources', 'app.asar.unpacked', 'node_modules/keytar/build/Release/keytar.node');
    expect(statSync(addon).size).toBe(statSync(join(root, 'node_modules/keytar/build/Release/keytar.node')).size);
    // Nothing to load the app from but app.asar (OnlyLoadAppFromAsar), and no update feed (the app never updates itself).
    expect(readdirSync(join(appDir, 'resources')).sort()).toEqual(['app.asar', 'app.asar.unpacked']);
  });

  it('no tests, sources, source maps, test hooks, bundled packages or keytar build leftovers', () => {
    const forbidden: Array<[string, RegExp]> = [
      ['tests', /(^|\/)(test|tests|__tests__)\//],
      ['TypeScript', /\.(ts|mts|cts|tsx)$/],
      ['source maps', /\.map$/],
      ['simulator test hooks', /test-hooks/],
      ['sources of main or the renderer', /^(main|renderer|scripts)\//],
      ['a package other than keytar', /^node_modules\/(?!keytar\/)/],
      ['keytar sources and build leftovers', /^node_modules\/keytar\/(src\/|binding\.gyp|build\/(?!Release\/keytar\.node$))/],
      ['C/C++ sources, headers, makefiles, gyp files', /\.(cc|c|cpp|h|hh|gyp|gypi|mk|o|a)$|(^|\/)(Makefile|\.deps|obj\.target)(\/|$)/],
    ];
    const found = forbidden.flatMap(([what, re]) => files.filter((f) => re.test(f)).map((f) => `${what}: ${f}`));
    expect(found).toEqual([]);
    for (const name of BUNDLED) expect(files.filter((f) => f.startsWith(`node_modules/${name}/`)), name).toEqual([]);
  });

  it('main needs nothing at run time but electron, keytar and Node’s builtins; the preload only electron', () => {
    const main = extractFile(asarPath, 'dist/main/index.js').toString('utf8');
    const preload = extractFile(asarPath, 'dist/main/preload.js').toString('utf8');
    expect(foreignRequires(main, ['electron', 'keytar']), 'main loads packages that are not shipped').toEqual([]);
    expect(dynamicRequires(main), 'main loads modules by computed names (cannot be checked)').toEqual([]);
    expect(foreignRequires(preload, ['electron'])).toEqual([]);
    expect(dynamicRequires(preload)).toEqual([]);
    // Hence the packages main uses are devDependencies: bundled once, never shipped a second time.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['keytar']);
    for (const name of BUNDLED) expect(pkg.devDependencies?.[name], `${name} in devDependencies`).toBeDefined();
  });

  it('the bundle holds no tests and no simulator test hooks (from the build’s source map)', () => {
    const map = JSON.parse(readFileSync(join(root, 'dist/main/index.js.map'), 'utf8')) as { sources: string[] };
    const sources = map.sources.map((s) => posix(relative(root, resolve(root, 'dist/main', s))));
    expect(sources.filter((s) => s.startsWith('test/') || s.includes('test-hooks'))).toEqual([]);
    expect(sources).toContain('main/index.ts');
  });

  it(`weighs under ${mb(ASAR_BUDGET_BYTES)}, nearly all of it the app's own build`, () => {
    const size = statSync(asarPath).size;
    const sizeOf = (f: string) => {
      const entry = statFile(asarPath, f);
      return 'size' in entry ? entry.size : 0;
    };
    const nodeModules = files.filter((f) => f.startsWith('node_modules/'));
    const built = files.filter((f) => f.startsWith('dist/'));
    const builtBytes = built.reduce((sum, f) => sum + sizeOf(f), 0);
    const addon = statSync(join(appDir, 'resources', 'app.asar.unpacked', unpacked[0] ?? 'missing')).size;
    console.log(
      `packaging: app.asar ${mb(size)} (${size.toLocaleString('en')} bytes), ${files.length} files: dist/ ${mb(builtBytes)} ` +
        `(main ${mb(sizeOf('dist/main/index.js'))}), ${nodeModules.length} files under node_modules (keytar only); ` +
        `unpacked beside it: ${unpacked.join(', ')} (${(addon / 1000).toFixed(0)} KB)`,
    );
    // What packaging adds to the build (package.json, keytar's JavaScript, the asar header) stays small.
    // (keytar.node is listed in the asar's header but lies beside it, in app.asar.unpacked.)
    expect(size - builtBytes, 'bytes in the asar beyond dist/').toBeLessThan(100_000);
    // The budget covers the app's own growth too: over it, see what grew (esbuild's metafile, e.g. a new
    // dependency of main) before raising it; a stale dist/ from an older build also weighs more (npm run build).
    expect(size, 'app.asar over budget').toBeLessThan(ASAR_BUDGET_BYTES);
  });
});
