// `npm run sim`: starts the Campaign + IMS simulator as a standalone process.
// The simulator is TypeScript with extensionless imports (as the app's bundlers want them), which Node 20
// cannot load; so this script bundles main/simulator/cli.ts with esbuild into a temp file and runs that.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'profile-desk-sim-'));
const outfile = join(outDir, 'sim.cjs');
try {
  await build({
    entryPoints: [join(root, 'main', 'simulator', 'cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  createRequire(import.meta.url)(outfile); // starts the simulator, which keeps the process alive
} finally {
  rmSync(outDir, { recursive: true, force: true }); // the bundle is loaded by now
}
