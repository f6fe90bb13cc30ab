/**
 * npm run bench:workflow — find → load → save → verify through the e2e harness (real renderer, preload,
 * handlers) against the simulator with 100 ms of added latency per answer. Prints, per step, the wall time,
 * the round trips it needed and the app's overhead (wall − round trips × latency). Target: overhead < 30 ms
 * per step, and no round trip that is not needed (metadata and token once per connection).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/harness';
import type { SimRequest } from '../../main/simulator/test-hooks';
import type { DeskApi } from '../../main/ipc/contract';

const LATENCY_MS = 100;
const RUNS = 5;

test.use({ appLocale: 'en', simOptions: { latencyMs: LATENCY_MS } });

interface Sample {
  step: string;
  wallMs: number;
  roundTrips: number;
  paths: string[];
  /** IPC calls from the renderer to main during the step. */
  ipc: string[];
}

interface Until {
  /** A heading whose text includes this. */
  heading?: string;
  /** A button whose text includes this. */
  button?: string;
  /** A form control with this exact label. */
  label?: string;
}

/**
 * Times one operator action inside the page: from the click on the button named `press` until `until` is on
 * screen (a MutationObserver sees it), so Playwright's own action and polling overhead is not counted.
 * Counts the requests the action caused.
 */
async function measure(page: Page, requests: SimRequest[], ipcCalls: string[], step: string, press: string, until: Until): Promise<Sample> {
  const first = requests.length;
  const firstIpc = ipcCalls.length;
  const wallMs = await page.evaluate(
    ({ press, until }) =>
      new Promise<number>((resolve, reject) => {
        const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        const done = () =>
          (until.heading && [...document.querySelectorAll('h1, h2')].some((h) => text(h).includes(until.heading!))) ||
          (until.button && [...document.querySelectorAll('button')].some((b) => text(b).includes(until.button!))) ||
          (until.label && [...document.querySelectorAll('label')].some((l) => text(l) === until.label));
        const button = [...document.querySelectorAll('button')].find((b) => text(b) === press || b.getAttribute('aria-label') === press);
        if (!button) return reject(new Error(`no button ${press}`));
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        button.click();
      }),
    { press, until },
  );
  const mine = requests.slice(first);
  return {
    step,
    wallMs,
    roundTrips: mine.length,
    paths: mine.map((r) => `${r.method} ${r.path.replace(/\/profile\/@[^/]+/, '/profile/@…')}`),
    ipc: ipcCalls.slice(firstIpc),
  };
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
    await searchBox.fill(email);
    samples.push(await measure(page, sim.requests, app.ipcCalls, 'find', 'Search', { button: name }));
    samples.push(await measure(page, sim.requests, app.ipcCalls, 'load', name, { label: 'Phone' }));
    await page.getByLabel('Phone', { exact: true }).fill(`+49 30 ${5550000 + run}`);
    await page.getByRole('button', { name: 'Review changes' }).click();
    samples.push(await measure(page, sim.requests, app.ipcCalls, 'save + verify', 'Save in Campaign', { heading: 'The change was confirmed by Campaign' }));
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
  console.log('step            wall ms   round trips   overhead ms   overhead/step target 30 ms   IPC calls   requests');
  for (const r of rows) {
    console.log(
      `${r.step.padEnd(15)} ${r.wall.toFixed(0).padStart(7)}   ${String(r.trips).padStart(11)}   ${r.overhead.toFixed(0).padStart(11)}   ${(r.overhead / 30).toFixed(2).padStart(26)}×   ${String(r.steady.ipc.length).padStart(9)}   ${r.steady.paths.join(', ')}`,
    );
  }
  // A save is one call: main keeps the draft itself until Campaign has the change.
  const saveIpc = samples.filter((s) => s.step === 'save + verify').map((s) => s.ipc);
  console.log(`IPC calls of the save step: ${saveIpc.map((c) => c.join('+')).join(' | ')}`);
  expect(saveIpc.every((c) => c.length === 1 && c[0] === 'profile:save')).toBe(true);
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
