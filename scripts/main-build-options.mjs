// How main and the preload are bundled (esbuild); shared by the build and the test that weighs the preload.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

// Everything main uses at run time is inside index.js (axios, zod, the spreadsheet libraries: devDependencies),
// except electron and keytar (a native addon, the only production dependency). Minified because this file is
// what ships (the asar stays under 3 MB: test/unit/packaging/packaging.test.ts); keepNames keeps function and
// class names in stack traces, and index.js.map (kept in dist/, not shipped) maps positions back to sources.
// charset utf8: text is written as UTF-8 (which is how Node reads it) instead of \uXXXX escapes, a third the
// size for the character tables of iconv-lite and the messages of zod.
export const mainBuild = {
  ...common,
  entryPoints: ['main/index.ts'],
  outfile: 'dist/main/index.js',
  external: ['electron', 'keytar'],
  minify: true,
  keepNames: true,
  charset: 'utf8',
};
// The preload runs sandboxed, where only `electron` can be required: it bundles the channel names and nothing else.
export const preloadBuild = { ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.js', external: ['electron'] };
