// Bundles the main process and the preload into dist/main.
import { build } from 'esbuild';
import { mainBuild, preloadBuild } from './main-build-options.mjs';

await Promise.all([build(mainBuild), build(preloadBuild)]);
console.log('built dist/main/index.js and dist/main/preload.js');
