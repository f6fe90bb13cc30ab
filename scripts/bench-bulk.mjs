// `npm run bench:bulk [cost|memory|pacing]`: bundles test/bench/bulk-bench.ts and runs it in a Node process of
// its own with --expose-gc, so the memory figures are the bench's (main's) alone.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'profile-desk-bench-'));
const outfile = join(root, 'node_modules', '.bulk-bench.cjs'); // next to node_modules, so keytar resolves
try {
  await build({ entryPoints: [join(root, 'test/bench/bulk-bench.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['keytar'], logLevel: 'warning' });
  const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(outfile, { force: true });
}
