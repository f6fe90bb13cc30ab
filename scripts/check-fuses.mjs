// Reads the fuses back from built apps and compares every one with electron-builder.yml (and the project's
// hardening policy). Used by .github/workflows/release.yml after electron-builder has built the installers.
//   node scripts/check-fuses.mjs                     every app electron-builder left in release/
//   node scripts/check-fuses.mjs --app <path>        one app: the Linux binary, the .exe or the .app
// Exit codes: 0 all fuses as configured, 1 a fuse differs, 2 no app found or unreadable.
import { getCurrentFuseWire } from '@electron/fuses';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FUSE_POLICY, compareFuses, formatFuseRows, readBuilderConfig } from './packaging-lib.mjs';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { app: { type: 'string', multiple: true }, release: { type: 'string' } } });
const config = readBuilderConfig(root);
const releaseDir = resolve(root, values.release ?? config.directories?.output ?? 'release');

/** The unpacked apps electron-builder leaves next to the installers: linux-unpacked, win-unpacked, mac, mac-arm64, … */
function builtApps() {
  if (!existsSync(releaseDir)) return [];
  const apps = [];
  for (const dir of readdirSync(releaseDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const base = join(releaseDir, dir.name);
    const candidates = [
      join(base, config.linux?.executableName ?? 'profile-desk'),
      join(base, `${config.productName}.exe`),
      join(base, `${config.productName}.app`),
    ];
    apps.push(...candidates.filter((c) => existsSync(c)));
  }
  return apps;
}

let exitCode = 0;
const policyDiffers = Object.entries(FUSE_POLICY).filter(([key, on]) => config.electronFuses?.[key] !== on);
for (const [key, on] of policyDiffers) {
  console.error(`electron-builder.yml: electronFuses.${key} is ${String(config.electronFuses?.[key])}, the hardening policy says ${String(on)}`);
  exitCode = 1;
}

const apps = values.app ?? builtApps();
if (apps.length === 0) {
  console.error(`check-fuses: no built app in ${releaseDir} (run electron-builder first)`);
  process.exit(2);
}
for (const app of apps) {
  try {
    const result = compareFuses(await getCurrentFuseWire(app), config.electronFuses);
    console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${app}\n${formatFuseRows(result)}`);
    if (!result.ok) exitCode = Math.max(exitCode, 1);
  } catch (e) {
    console.error(`check-fuses: cannot read ${app}: ${e instanceof Error ? e.message : String(e)}`);
    exitCode = Math.max(exitCode, 2);
  }
}
process.exitCode = exitCode;
