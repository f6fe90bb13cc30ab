import { afterEach, beforeEach } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../../main/simulator/server';

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

export const profileUrl = (sim: Simulator, pkey: string, api = 'profileAndServices'): string =>
  `${sim.baseUrl}/${api}/profile/${pkey}`;

export function firstPKey(sim: Simulator): string {
  const [pkey] = sim.pkeys();
  if (!pkey) throw new Error('the simulator has no profiles');
  return pkey;
}

/** A fresh simulator per test, closed afterwards; read `.sim` inside tests. */
export function useSimulator(options: SimulatorOptions = {}): { sim: Simulator } {
  const holder = {} as { sim: Simulator };
  beforeEach(async () => {
    holder.sim = await startSimulator(options);
  });
  afterEach(async () => {
    await holder.sim.close();
  });
  return holder;
}
