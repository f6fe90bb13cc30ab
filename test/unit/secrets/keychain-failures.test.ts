// @vitest-environment node
/**
 * The keychain failures operators meet, produced for real: a child node process runs probeKeychain
 * (bundled from the TS source with esbuild) in a deliberately broken environment. Each child gets
 * its own HOME/XDG dirs and bus, so none of this can reach the developer's or the test keyring.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');
let probeScript: string;

beforeAll(async () => {
  const out = await build({
    stdin: {
      contents: `import { createKeychainStore } from './main/secrets/keychain-store';
        import { probeKeychain } from './main/secrets/keychain-probe';
        probeKeychain(createKeychainStore()).then(
          () => console.log(JSON.stringify({ ok: true })),
          (e) => console.log(JSON.stringify({ ok: false, info: e.info, text: String(e) })),
        );`,
      resolveDir: repo,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['keytar'], // native: loaded from the repo's node_modules (the child runs with cwd = repo)
    write: false,
  });
  probeScript = out.outputFiles[0]!.text;
});

function need(tool: string, debianPackage: string): void {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    throw new Error(`${tool} not found: install the Debian package ${debianPackage}`);
  }
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
  cleanups = [];
});

/** A fresh HOME/XDG tree and an environment with no bus and no display at all. */
function isolatedEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'profile-desk-kcfail-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const env = {
    PATH: process.env.PATH,
    HOME: join(dir, 'home'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    // Without DBUS_SESSION_BUS_ADDRESS, GIO would try $XDG_RUNTIME_DIR/bus: keep it empty and private.
    XDG_RUNTIME_DIR: join(dir, 'run'),
  };
  for (const d of Object.values(env).slice(1)) mkdirSync(d!, { recursive: true, mode: 0o700 });
  return env;
}

/** A private session bus with NO service files, so nothing (e.g. gnome-keyring) can be auto-started. */
async function privateBus(env: NodeJS.ProcessEnv): Promise<string> {
  need('dbus-daemon', 'dbus');
  const config = join(env.HOME!, 'bus.conf');
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
      "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
    <busconfig>
      <type>session</type>
      <listen>unix:dir=${env.XDG_RUNTIME_DIR}</listen>
      <auth>EXTERNAL</auth>
      <policy context="default"><allow send_destination="*"/><allow eavesdrop="true"/><allow own="*"/></policy>
    </busconfig>`,
  );
  const daemon: ChildProcess = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  cleanups.push(() => daemon.kill());
  const address = await new Promise<string>((done, fail) => {
    let out = '';
    daemon.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) done(out.split('\n')[0]!);
    });
    daemon.on('exit', (code) => fail(new Error(`dbus-daemon exited with ${code}`)));
  });
  env.DBUS_SESSION_BUS_ADDRESS = address;
  return address;
}

/** gnome-keyring on the private bus, with a freshly created and unlocked "login" collection. */
function unlockedKeyring(env: NodeJS.ProcessEnv): void {
  need('gnome-keyring-daemon', 'gnome-keyring');
  const started = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    env,
    input: 'test-password',
    stdio: ['pipe', 'ignore', 'ignore'],
    timeout: 10_000,
  });
  expect(started.status, 'gnome-keyring-daemon --unlock').toBe(0);
}

/** Locks the login collection over D-Bus, as the screen locker or a session without PAM unlock would leave it. */
function lockLogin(env: NodeJS.ProcessEnv): void {
  need('dbus-send', 'dbus');
  const lock = spawnSync(
    'dbus-send',
    ['--session', '--print-reply', '--dest=org.freedesktop.secrets', '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.Lock', 'array:objpath:/org/freedesktop/secrets/collection/login'],
    { env, encoding: 'utf8', timeout: 10_000 },
  );
  expect(lock.status, `dbus-send Lock: ${lock.stderr}`).toBe(0);
  expect(lock.stdout).toContain('/org/freedesktop/secrets/collection/login');
}

type ProbeResult = { ok: true } | { ok: false; info?: { kind: string; code?: string; details: string }; text: string };

function runProbe(env: NodeJS.ProcessEnv): ProbeResult {
  const child = spawnSync(process.execPath, ['-e', probeScript], { cwd: repo, env, encoding: 'utf8', timeout: 15_000 });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as ProbeResult;
}

describe('real keychain failures map to a reason the UI can explain', () => {
  it('no D-Bus session and no X11 display -> noDbus', () => {
    const result = runProbe(isolatedEnv());
    expect(result).toMatchObject({ ok: false, info: { kind: 'keychain', code: 'noDbus' } });
  });

  it('a session bus without any Secret Service -> noSecretService', async () => {
    const env = isolatedEnv();
    await privateBus(env);
    expect(runProbe(env)).toMatchObject({ ok: false, info: { kind: 'keychain', code: 'noSecretService' } });
  });

  it('a gnome-keyring whose login collection is locked -> locked', async () => {
    const env = isolatedEnv();
    await privateBus(env);
    unlockedKeyring(env);
    // The same keyring works while unlocked, so "locked" below is caused by the lock alone.
    expect(runProbe(env)).toEqual({ ok: true });
    lockLogin(env);
    expect(runProbe(env)).toMatchObject({ ok: false, info: { kind: 'keychain', code: 'locked' } });
  });
});
