import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../../../main/simulator/env-options';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const KEYS = ['baseUrl', 'imsUrl', 'tenant', 'apiKey', 'clientSecret', 'accessToken'];

interface Running {
  child: ChildProcess;
  output: () => string;
  closed: Promise<number | null>;
}

const running: Running[] = [];
afterEach(() => {
  for (const { child } of running.splice(0)) if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGKILL');
});

function launch(command: string, args: string[], env: Record<string, string> = {}): Running {
  // detached: its own process group, so a signal reaches npm, its shell and node alike
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, detached: true });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  const run = { child, output: () => out, closed };
  running.push(run);
  return run;
}

async function firstLine(run: Running): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (!run.output().includes('\n')) {
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`no first line; output: ${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return run.output().split('\n')[0] as string;
}

describe('npm run sim', () => {
  it('prints the connection JSON as its first line, honours SIM_* settings, serves, and stops cleanly', async () => {
    // without --silent npm prints its own banner first
    const run = launch('npm', ['run', '--silent', 'sim'], {
      SIM_TOKEN_LIFETIME_SEC: '120', SIM_RATE_LIMIT: '50/1', SIM_LATENCY_MS: '5', SIM_ENUM_SHAPE: 'keyed',
    });
    const info = JSON.parse(await firstLine(run));
    expect(Object.keys(info)).toEqual(KEYS);
    expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/demo-tenant\/campaign$/);
    const token = await fetch(info.imsUrl, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: info.apiKey, client_secret: info.clientSecret }),
    });
    expect((await token.json()).expires_in).toBe(120);
    expect(run.output()).toContain('Rate limit: 50 requests per 1 s');
    const res = await fetch(`${info.baseUrl}/profileAndServices/profile?_lineCount=1`, {
      headers: { Authorization: `Bearer ${info.accessToken}`, 'X-Api-Key': info.apiKey },
    });
    expect(res.status).toBe(200);
    const meta = await fetch(`${info.baseUrl}/profileAndServices/resourceType/profile`, {
      headers: { Authorization: `Bearer ${info.accessToken}`, 'X-Api-Key': info.apiKey },
    });
    expect((await meta.json()).content.gender.values).toEqual({
      unknown: { label: 'Not specified', value: 1 }, male: { label: 'Male', value: 2 }, female: { label: 'Female', value: 3 },
    });
    process.kill(-(run.child.pid as number), 'SIGTERM');
    await run.closed;
    expect(run.output()).toContain('Simulator stopped (SIGTERM)');
  });
});

describe('SIM_* environment settings', () => {
  it('reads port, latency, token lifetime, rate limit and enum shape', () => {
    expect(optionsFromEnv({
      SIM_PORT: '8123', SIM_LATENCY_MS: '200', SIM_TOKEN_LIFETIME_SEC: '60', SIM_RATE_LIMIT: '10/1', SIM_ENUM_SHAPE: 'names', SIM_PROFILES: '100000',
    })).toEqual({
      port: 8123, latencyMs: 200, tokenLifetimeSec: 60, rateLimit: { requests: 10, perSeconds: 1 }, enumShape: 'names', profileCount: 100000,
    });
    expect(optionsFromEnv({ SIM_ENUM_SHAPE: 'keyed' }).enumShape).toBe('keyed');
    expect(optionsFromEnv({ SIM_ENUM_SHAPE: 'labelled' }).enumShape).toBe('labelled');
    expect(optionsFromEnv({ SIM_ENUM_SHAPE: '' })).not.toHaveProperty('enumShape');
    expect(optionsFromEnv({})).toEqual({ port: undefined, latencyMs: undefined, tokenLifetimeSec: undefined, profileCount: undefined });
  });

  it.each([
    { SIM_RATE_LIMIT: '10' }, { SIM_RATE_LIMIT: '0/1' }, { SIM_PORT: 'abc' }, { SIM_TOKEN_LIFETIME_SEC: '0' },
    { SIM_ENUM_SHAPE: 'Keyed' }, { SIM_ENUM_SHAPE: 'list' }, { SIM_PROFILES: 'many' },
  ])(
    'refuses %j with a message naming the variable', (env) => {
      expect(() => optionsFromEnv(env)).toThrow(Object.keys(env)[0]);
    },
  );

  it('says which enum shapes there are when SIM_ENUM_SHAPE is wrong', () => {
    expect(() => optionsFromEnv({ SIM_ENUM_SHAPE: 'flat' })).toThrow('SIM_ENUM_SHAPE must be one of labelled, names, keyed, got "flat"');
  });
});
