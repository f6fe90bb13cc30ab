// @vitest-environment node
/** The house rules of docs/ARCHITECTURE.md, checked on every import of every source file. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

interface Import {
  file: string;
  from: string;
  typeOnly: boolean;
}
const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
function imports(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => ({ file, from: m[3] ?? m[4]!, typeOnly: Boolean(m[2]) }));
}

const main = files('main').flatMap(imports);
const renderer = files('renderer').flatMap(imports);
// Electron glue: the only main files allowed to import electron.
const ELECTRON_GLUE = new Set(['main/index.ts', 'main/window.ts', 'main/preload.ts']);

describe('boundaries', () => {
  it('only the thin Electron glue imports electron', () => {
    expect(main.filter((i) => i.from === 'electron' && !ELECTRON_GLUE.has(i.file))).toEqual([]);
  });

  it('the renderer imports from main only the contract, type-only', () => {
    const fromMain = renderer.filter((i) => i.from.includes('/main/'));
    expect(fromMain.length).toBeGreaterThan(0);
    expect(fromMain.filter((i) => !i.typeOnly || !i.from.endsWith('/main/ipc/contract'))).toEqual([]);
    expect(renderer.filter((i) => ['electron', 'axios', 'keytar', 'node:fs'].includes(i.from))).toEqual([]);
  });

  it('the preload imports only electron and the contract', () => {
    expect(main.filter((i) => i.file === 'main/preload.ts').map((i) => i.from).sort()).toEqual(['./ipc/contract', 'electron']);
  });

  it('only the keychain store imports keytar', () => {
    expect(main.filter((i) => i.from === 'keytar').map((i) => i.file)).toEqual(['main/secrets/keychain-store.ts']);
  });

  it('only the Campaign client (and later the token provider) import axios', () => {
    const users = main.filter((i) => i.from === 'axios').map((i) => relative('main', i.file));
    expect(users.every((f) => f.startsWith('campaign/') || f.startsWith('auth/'))).toBe(true);
  });

  it('the contract imports nothing but zod', () => {
    expect(main.filter((i) => i.file === 'main/ipc/contract.ts').map((i) => i.from)).toEqual(['zod']);
  });
});
