// How main and the preload are bundled (esbuild); shared by the build and the test that weighs the preload.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

export const mainBuild = { ...common, entryPoints: ['main/index.ts'], outfile: 'dist/main/index.js', external: ['electron', 'keytar'] };
// The preload runs sandboxed, where only `electron` can be required: it bundles the channel names and nothing else.
export const preloadBuild = { ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.js', external: ['electron'] };
