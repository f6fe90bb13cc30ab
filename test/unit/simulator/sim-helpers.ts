import { afterEach, beforeEach } from 'vitest';
import type { Simulator } from '../../../main/simulator/server';
import { type TestSimulator, type SimulatorOptions, startTestSimulator } from '../../../main/simulator/test-hooks';

export interface Answer {
  status: number;
  headers: Headers;
  json: any; // tests poke at arbitrary JSON
}

export function campaignHeaders(sim: Simulator, token = sim.accessToken): Record<string, string> {
  return { Authorization: `Bearer ${token}`, 'X-Api-Key': sim.apiKey, 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' };
}

/** One Campaign call with the simulator's own credentials unless `headers` replaces them. */
export async function call(sim: Simulator, method: string, url: string, body?: unknown, headers = campaignHeaders(sim)): Promise<Answer> {
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

export const profileUrl = (sim: TestSimulator, pkey: string, api = 'profileAndServices'): string =>
  `${sim.baseUrl}/${api}/profile/${pkey}`;

export function firstPKey(sim: TestSimulator): string {
  const [pkey] = sim.pkeys();
  if (!pkey) throw new Error('the simulator has no profiles');
  return pkey;
}

/** A fresh simulator per test, closed afterwards; read `.sim` inside tests. */
export function useSimulator(options: SimulatorOptions = {}): { sim: TestSimulator } {
  const holder = {} as { sim: TestSimulator };
  beforeEach(async () => {
    holder.sim = await startTestSimulator(options);
  });
  afterEach(async () => {
    await holder.sim.close();
  });
  return holder;
}
