// What a packaged Profile Desk must look like, shared by test/unit/packaging/packaging.test.ts (a stand-in
// Electron, offline) and scripts/check-fuses.mjs (the real binaries, in .github/workflows/release.yml).
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder (which reads electron-builder.yml with it); no extra dependency.
const yaml = require('js-yaml');

/**
 * Electron 45's fuse wire, in order: @electron/fuses' name, electron-builder's `electronFuses` key and
 * Electron's own default (docs/tutorial/fuses.md). The 9th fuse has no name in @electron/fuses 1.8 and no
 * electron-builder key: it keeps Electron's default.
 */
export const ELECTRON_45_FUSES = [
  { name: 'RunAsNode', key: 'runAsNode', electronDefault: true },
  { name: 'EnableCookieEncryption', key: 'enableCookieEncryption', electronDefault: false },
  { name: 'EnableNodeOptionsEnvironmentVariable', key: 'enableNodeOptionsEnvironmentVariable', electronDefault: true },
  { name: 'EnableNodeCliInspectArguments', key: 'enableNodeCliInspectArguments', electronDefault: true },
  { name: 'EnableEmbeddedAsarIntegrityValidation', key: 'enableEmbeddedAsarIntegrityValidation', electronDefault: false },
  { name: 'OnlyLoadAppFromAsar', key: 'onlyLoadAppFromAsar', electronDefault: false },
  { name: 'LoadBrowserProcessSpecificV8Snapshot', key: 'loadBrowserProcessSpecificV8Snapshot', electronDefault: false },
  { name: 'GrantFileProtocolExtraPrivileges', key: 'grantFileProtocolExtraPrivileges', electronDefault: true },
  { name: 'WasmTrapHandlers', key: null, electronDefault: true },
];

/** The project's hardening: what electron-builder.yml must say, fuse by fuse (null: Electron's default). */
export const FUSE_POLICY = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** electron-builder.yml, parsed. */
export function readBuilderConfig(root) {
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
}

/** Per fuse: what the built binary must hold, given electron-builder.yml's `electronFuses`. */
export function expectedFuses(electronFuses) {
  return ELECTRON_45_FUSES.map((fuse, index) => {
    const configured = fuse.key == null ? undefined : electronFuses?.[fuse.key];
    const on = typeof configured === 'boolean' ? configured : fuse.electronDefault;
    return { index, name: fuse.name, on, source: typeof configured === 'boolean' ? 'electron-builder.yml' : 'Electron default' };
  });
}

/**
 * Compares a wire read by @electron/fuses' getCurrentFuseWire with the configuration.
 * Returns one row per fuse and whether all agree (and the wire has exactly Electron 45's fuses).
 */
export function compareFuses(wire, electronFuses) {
  const ascii = (on) => (on ? 0x31 : 0x30);
  const count = Object.keys(wire).filter((k) => /^\d+$/.test(k)).length;
  const rows = expectedFuses(electronFuses).map((e) => {
    const actual = wire[e.index];
    const state = actual === 0x31 ? 'on' : actual === 0x30 ? 'off' : actual === 0x72 ? 'removed' : actual === undefined ? 'missing' : `byte ${actual}`;
    return { ...e, expected: e.on ? 'on' : 'off', actual: state, ok: actual === ascii(e.on) };
  });
  const ok = String(wire.version) === '1' && count === ELECTRON_45_FUSES.length && rows.every((r) => r.ok);
  return { ok, count, version: String(wire.version), rows };
}

export function formatFuseRows(result) {
  const lines = result.rows.map(
    (r) => `  ${r.ok ? 'ok  ' : 'FAIL'} ${String(r.index)} ${r.name.padEnd(38)} ${r.actual.padEnd(4)} (expected ${r.expected}: ${r.source})`,
  );
  return [`fuse wire v${result.version}, ${result.count} fuses (Electron 45 has ${ELECTRON_45_FUSES.length})`, ...lines].join('\n');
}

/**
 * A file that carries an Electron fuse wire and nothing else of Electron: enough for electron-builder to
 * flip the fuses and for @electron/fuses to read them. `wire` is one '0'/'1' per fuse.
 */
export function standInElectron(wire) {
  return Buffer.concat([
    Buffer.from('stand-in for the Electron binary (test/unit/packaging)\n'),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'ascii'),
    Buffer.from('\n'),
  ]);
}

/**
 * Module names a bundle loads with a literal require() that are neither a Node builtin nor in `allowed`.
 * (esbuild turns imports of externals into require("…"); bundled code has no other way to load a package.)
 */
export function foreignRequires(source, allowed) {
  const builtins = new Set(builtinModules);
  const found = new Set();
  for (const m of source.matchAll(/(?<![\w$])(?:require|__require|import)\(\s*(["'`])([^"'`]+)\1\s*\)/g)) found.add(m[2]);
  return [...found].filter((name) => !allowed.includes(name) && !builtins.has(name.replace(/^node:/, '')) && !name.startsWith('node:')).sort();
}

/** Every require() or import() whose argument is not a string literal (a bundle should have none). */
export function dynamicRequires(source) {
  return [...source.matchAll(/(?<![\w$])(?:require|__require|import)\(\s*(?!["'`])([^)]{0,60})\)/g)].map((m) => m[0]);
}

/** YAML text → value (js-yaml's safe default schema), for the release workflow's test. */
export function parseYaml(text) {
  return yaml.load(text);
}
