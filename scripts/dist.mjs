// npm run dist: the packaged app for this OS, unpacked, in release/ (electron-builder --dir; extra arguments are
// passed on, e.g. `npm run dist -- -c.directories.output=/tmp/out`). The installers are built by
// .github/workflows/release.yml, where GitHub is reachable.
//
// electron-builder needs an Electron distribution to copy. It uses, in this order: ELECTRON_DIST (a folder with
// an unpacked Electron of the project's version), the binary `npm start` downloaded into node_modules/electron/
// dist, or else it downloads Electron itself from GitHub — which fails offline, so say so before it tries.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');
const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

/** node_modules/electron/dist when it holds this version's binary (found without require('electron'), which downloads). */
function downloadedElectron() {
  try {
    const binary = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const distVersion = readFileSync(join(electronDir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '');
    return distVersion === version && existsSync(join(electronDir, 'dist', binary)) ? join(electronDir, 'dist') : undefined;
  } catch {
    return undefined;
  }
}

const args = ['--dir', '--publish', 'never'];
const electronDist = process.env.ELECTRON_DIST || downloadedElectron();
if (electronDist) {
  args.push(`-c.electronDist=${resolve(electronDist)}`, `-c.electronVersion=${version}`);
  console.log(`npm run dist: packaging with the Electron in ${electronDist}`);
} else {
  console.log(
    `npm run dist: no Electron ${version} on this machine (node_modules/electron/dist or ELECTRON_DIST), so electron-builder ` +
      'downloads it from GitHub now. Offline that fails: run `npm start` once where GitHub is reachable, or set ' +
      `ELECTRON_DIST to a folder with an unpacked Electron ${version}.`,
  );
}
const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
const result = spawnSync(process.execPath, [cli, ...args, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exitCode = result.status ?? 1;
