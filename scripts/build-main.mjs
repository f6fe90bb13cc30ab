// Bundles the main process and the preload into dist/main. The preload runs sandboxed, where only
// `electron` can be required, so the contract (and zod) are bundled into it.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['main/index.ts'], outfile: 'dist/main/index.js', external: ['electron', 'keytar'] }),
  build({ ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.js', external: ['electron'] }),
]);
console.log('built dist/main/index.js and dist/main/preload.js');
