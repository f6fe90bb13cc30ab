// @vitest-environment node
/**
 * The house rules live in eslint.config.mjs (so a wrong import fails in the editor). This proves each rule
 * fires on the import it forbids, and stays quiet on the ones the layering allows: a rule that cannot fail
 * guards nothing. It also weighs the preload, which must stay the bridge and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs module shared with the build script, no type declarations
import { preloadBuild } from '../../../scripts/main-build-options.mjs';

const root = join(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The messages of the boundary rules for `code` as if it were the file at `path`. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? [])
    .filter((m) => /restricted/.test(m.ruleId ?? '') || m.fatal)
    .map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const forbidden: [string, string, string, RegExp][] = [
  ['a domain file imports the IPC contract', 'main/profiles/x.ts', "import { contract } from '../ipc/contract';\nexport const c = contract;", /never ipc/],
  ['a domain file imports a type from ipc/', 'main/audit/x.ts', "import type { Handlers } from '../ipc/register';\nexport type H = Handlers;", /never ipc/],
  ['a domain file imports the composition root', 'main/connections/x.ts', "import { createDesk } from '../app/create-desk';\nexport const d = createDesk;", /never ipc\/, app\//],
  ['a domain file imports the simulator', 'main/campaign/x.ts', "import { startSimulator } from '../simulator/server';\nexport const s = startSimulator;", /simulator/],
  ['a domain file imports electron', 'main/campaign/x.ts', "import { app } from 'electron';\nexport const a = app;", /Electron glue/],
  ['a domain file requires electron', 'main/auth/x.ts', "export const e = require('electron');", /require\('electron'\)/],
  ['a domain file imports electron dynamically', 'main/audit/x.ts', "export const e = import('electron');", /import\('electron'\)/],
  ['the Campaign client imports axios', 'main/campaign/client-x.ts', "import axios from 'axios';\nexport const a = axios;", /HTTP adapter/],
  ['the token request requires axios', 'main/auth/x.ts', "export const a = require('axios');", /require\('axios'\)/],
  ['a domain file imports keytar', 'main/connections/x.ts', "import keytar from 'keytar';\nexport const k = keytar;", /keychain adapter/],
  ['the model imports node:fs', 'main/model/x.ts', "import { readFile } from 'node:fs';\nexport const r = readFile;", /imports nothing outside/],
  ['the model imports zod', 'main/model/x.ts', "import { z } from 'zod';\nexport const s = z.string();", /imports nothing outside/],
  ['the model imports the domain', 'main/model/x.ts', "import { deskError } from '../errors/desk-error';\nexport const d = deskError;", /imports nothing outside/],
  ['the channel names import the contract', 'main/ipc/channels.ts', "import { contract } from './contract';\nexport const c = contract;", /imports nothing/],
  ['ipc/ imports the composition root', 'main/ipc/x.ts', "import { createDesk } from '../app/create-desk';\nexport const d = createDesk;", /below the composition root/],
  ['the preload imports the contract as values (zod)', 'main/preload.ts', "import { contract } from './ipc/contract';\nexport const c = contract;", /only types from the contract/],
  ['the preload imports the model', 'main/preload.ts', "import { errorKinds } from './model/errors';\nexport const e = errorKinds;", /electron and \.\/ipc\/channels only/],
  ['the renderer imports the contract as values', 'renderer/lib/x.ts', "import { contract } from '../../main/ipc/contract';\nexport const c = contract;", /type-only/],
  ['the renderer imports a domain module', 'renderer/lib/x.ts', "import { buildPatchBody } from '../../main/campaign/patch-body';\nexport const b = buildPatchBody;", /main\/model \(values\)/],
  ['the renderer imports Node', 'renderer/lib/x.ts', "import { readFile } from 'node:fs';\nexport const r = readFile;", /no Node/],
  ['the renderer imports electron', 'renderer/lib/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;", /Electron glue/],
  ['the renderer imports zod', 'renderer/lib/x.ts', "import { z } from 'zod';\nexport const s = z;", /main validates/],
  ['a screen calls window.desk through lib/desk', 'renderer/screens/X.svelte', "<script lang=\"ts\">\n  import { desk } from '../lib/desk';\n  void desk;\n</script>", /through their store/],
  ['a component calls window.desk directly', 'renderer/components/X.svelte', '<script lang="ts">\n  void window.desk;\n</script>', /through a store/],
];

const allowed: [string, string, string][] = [
  ['a domain file imports the model and another domain folder', 'main/profiles/x.ts', "import type { FieldDef } from '../model/profile';\nimport { deskError } from '../errors/desk-error';\nexport const f = (d: FieldDef) => deskError('internal', d.path);"],
  ['the HTTP adapter imports axios', 'main/http/axios-http.ts', "import axios from 'axios';\nexport const a = axios;"],
  ['the keychain adapter imports keytar', 'main/secrets/keychain-store.ts', "import keytar from 'keytar';\nexport const k = keytar;"],
  ['the composition root imports everything but electron', 'main/app/x.ts', "import { startSimulator } from '../simulator/server';\nimport { contract } from '../ipc/contract';\nexport const s = [startSimulator, contract];"],
  ['the preload imports electron, the channels and the contract types', 'main/preload.ts', "import { contextBridge } from 'electron';\nimport { channels } from './ipc/channels';\nimport type { DeskApi } from './ipc/contract';\nexport const x: Partial<DeskApi> = {};\nexport const y = [contextBridge, channels];"],
  ['the renderer imports model values and contract types', 'renderer/lib/x.ts', "import { sameValue } from '../../main/model/values';\nimport type { DeskApi } from '../../main/ipc/contract';\nexport const s = sameValue;\nexport type D = DeskApi;"],
  ['a store calls lib/desk', 'renderer/stores/x.svelte.ts', "import { desk } from '../lib/desk';\nexport const d = desk;"],
];

describe('lint rules guard the boundaries', () => {
  it.each(forbidden)('%s: refused', async (_name, path, code, message) => {
    const found = await violations(path, code);
    expect(found.some((m) => message.test(m)), found.join('\n') || 'no violation reported').toBe(true);
  });

  it.each(allowed)('%s: allowed', async (_name, path, code) => {
    expect(await violations(path, code)).toEqual([]);
  });

  it('every folder of main/ is on a floor: each one below ipc/ refuses to import it (a new folder cannot slip past)', async () => {
    const floors = new Set(['model', 'ipc', 'app', 'simulator']);
    const domain = readdirSync(join(root, 'main'), { withFileTypes: true }).filter((d) => d.isDirectory() && !floors.has(d.name)).map((d) => d.name);
    expect(domain.length).toBeGreaterThan(10);
    const unguarded: string[] = [];
    for (const folder of domain) {
      const found = await violations(`main/${folder}/x.ts`, "import { contract } from '../ipc/contract';\nexport const c = contract;");
      if (!found.some((m) => /never ipc/.test(m))) unguarded.push(folder);
    }
    expect(unguarded, 'add these folders to DOMAIN in eslint.config.mjs').toEqual([]);
  });

  it('the whole tree lints clean', async () => {
    const results = await eslint.lintFiles(['main', 'renderer']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(100); // the rules really ran over the source
  });
});

describe('the preload is only the bridge', () => {
  it('bundles the channel names, no zod, and stays under 5 KB', async () => {
    const out = await build({ ...preloadBuild, absWorkingDir: root, write: false, sourcemap: false, metafile: true });
    const js = out.outputFiles!.find((f) => f.path.endsWith('.js'))!;
    const inputs = Object.keys(out.metafile!.inputs).sort();
    console.log(`preload bundle: ${js.contents.byteLength} bytes from ${inputs.join(', ')}`);
    expect(inputs).toEqual(['main/ipc/channels.ts', 'main/preload.ts']);
    expect(js.text).not.toMatch(/zod|safeParse/);
    expect(js.contents.byteLength).toBeLessThan(5 * 1024);
  });
});
