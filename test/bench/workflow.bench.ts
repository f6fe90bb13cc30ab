/**
 * npm run bench:workflow — find → load → save → verify through the e2e harness (real renderer, preload,
 * handlers) against the simulator with 100 ms of added latency per answer. Prints, per step, the wall time,
 * the round trips it needed and the app's overhead (wall − round trips × latency). Target: overhead < 30 ms
 * per step, and no round trip that is not needed (metadata and token once per connection).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/harness';
import type { SimRequest } from '../../main/simulator/server';
import type { DeskApi } from '../../main/ipc/contract';

const LATENCY_MS = 100;
const RUNS = 5;

test.use({ appLocale: 'en', simOptions: { latencyMs: LATENCY_MS } });

interface Sample {
  step: string;
  wallMs: number;
  roundTrips: number;
  paths: string[];
}

/**
 * Times one operator action from its start until `done` shows on screen, counting the requests it caused.
 * `done` uses locator.waitFor, which reacts at once, not expect's back-off polling.
 */
async function measure(page: Page, requests: SimRequest[], step: string, act: () => Promise<void>, done: () => Promise<void>): Promise<Sample> {
  const first = requests.length;
  const started = performance.now();
  await act();
  await done();
  const wallMs = performance.now() - started;
  const mine = requests.slice(first);
  return { step, wallMs, roundTrips: mine.length, paths: mine.map((r) => `${r.method} ${r.path.replace(/\/profile\/@[^/]+/, '/profile/@…')}`) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

test('workflow benchmark', async ({ app }) => {
  const { page, sim } = app;
  await page.getByRole('button', { name: 'Try the demo — no Adobe account needed' }).click();
  const searchBox = page.getByRole('searchbox', { name: 'Name, email or profile key', exact: true });
  await expect(searchBox).toBeVisible();

  const samples: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const profile = sim.getProfile(sim.pkeys()[run + 10]!)!;
    const email = String(profile.email);
    const name = `${profile.firstName} ${profile.lastName}`.trim();
    samples.push(
      await measure(page, sim.requests, 'find', () => searchBox.fill(email).then(() => searchBox.press('Enter')), () =>
        page.getByRole('button', { name: `Open profile of ${name}` }).first().waitFor(),
      ),
    );
    samples.push(
      await measure(page, sim.requests, 'load', () => page.getByRole('button', { name: `Open profile of ${name}` }).first().click(), () =>
        page.getByLabel('Phone', { exact: true }).waitFor(),
      ),
    );
    await page.getByLabel('Phone', { exact: true }).fill(`+49 30 ${5550000 + run}`);
    await page.getByRole('button', { name: 'Review changes' }).click();
    const save = await measure(page, sim.requests, 'save + verify', () => page.getByRole('button', { name: 'Save in Campaign' }).click(), () =>
      page.getByRole('heading', { name: 'The change was confirmed by Campaign' }).waitFor(),
    );
    samples.push(save);
    await page.getByRole('button', { name: 'Find another profile' }).click();
    await expect(searchBox).toBeVisible();
  }

  const rows = ['find', 'load', 'save + verify'].map((step) => {
    const mine = samples.filter((s) => s.step === step);
    // The first load also fetches the field list (once per connection); later runs show the steady state.
    const steady = mine.slice(1);
    const wall = median(steady.map((s) => s.wallMs));
    const trips = median(steady.map((s) => s.roundTrips));
    return { step, wall, trips, overhead: wall - trips * LATENCY_MS, first: mine[0]!, steady: steady[0]! };
  });
  const metadataFetches = sim.requests.filter((r) => r.path.endsWith('/resourceType/profile')).length;
  const tokenRequests = sim.requests.filter((r) => r.path.endsWith('/ims/token/v3')).length;

  console.log(`\nworkflow benchmark: ${RUNS} runs, ${LATENCY_MS} ms latency per answer (medians of runs 2–${RUNS})`);
  console.log('step            wall ms   round trips   overhead ms   overhead/step target 30 ms   requests');
  for (const r of rows) {
    console.log(
      `${r.step.padEnd(15)} ${r.wall.toFixed(0).padStart(7)}   ${String(r.trips).padStart(11)}   ${r.overhead.toFixed(0).padStart(11)}   ${(r.overhead / 30).toFixed(2).padStart(26)}×   ${r.steady.paths.join(', ')}`,
    );
  }
  console.log(`first run's load: ${rows[1]!.first.roundTrips} round trips (${rows[1]!.first.paths.join(', ')})`);
  console.log(`metadata fetched ${metadataFetches}× and tokens requested ${tokenRequests}× for ${RUNS} profiles on one connection`);
  expect(samples).toHaveLength(RUNS * 3);

  // The same steps without the renderer and without Playwright's own action overhead: main + IPC only.
  const direct = await page.evaluate(
    async ({ pkeys, runs }) => {
      const desk = (window as unknown as { desk: DeskApi }).desk;
      const times: Record<string, number[]> = { find: [], load: [], 'save + verify': [] };
      for (let i = 0; i < runs; i++) {
        const pkey = pkeys[i]!;
        let t = performance.now();
        await desk.findProfiles({ connectionId: 'demo', query: pkey });
        times.find!.push(performance.now() - t);
        t = performance.now();
        const loaded = await desk.loadProfile({ connectionId: 'demo', pkey });
        times.load!.push(performance.now() - t);
        if (!loaded.ok) throw new Error(loaded.error.details);
        const base = { values: { phone: loaded.value.values.phone ?? null }, lastModified: String(loaded.value.values.lastModified) };
        t = performance.now();
        await desk.saveProfile({ connectionId: 'demo', pkey, changes: { phone: `0${i}` }, base });
        times['save + verify']!.push(performance.now() - t);
      }
      return times;
    },
    { pkeys: sim.pkeys().slice(20, 20 + RUNS), runs: RUNS },
  );
  console.log('\nmain + IPC only (window.desk calls, no rendering): median ms, overhead over round trips × latency');
  for (const [step, trips] of [['find', 1], ['load', 1], ['save + verify', 3]] as const) {
    const wall = median(direct[step]!);
    console.log(`${step.padEnd(15)} ${wall.toFixed(0).padStart(7)}   overhead ${(wall - trips * LATENCY_MS).toFixed(0).padStart(4)} ms`);
  }
});
