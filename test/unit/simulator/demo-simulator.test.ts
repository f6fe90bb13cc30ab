// @vitest-environment node
/**
 * The simulator the Demo runs inside the app keeps no request log and takes no faults: those hooks exist only
 * behind the test entry (test-hooks.ts), so a long Demo session cannot grow memory or keep request headers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../main/simulator/server';
import { startTestSimulator } from '../../../main/simulator/test-hooks';
import { call } from './sim-helpers';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('the Demo’s simulator', () => {
  it('offers only what the Demo needs: addresses, credentials and close', async () => {
    sim = await startSimulator();
    expect(Object.keys(sim).sort()).toEqual(['accessToken', 'apiKey', 'baseUrl', 'clientSecret', 'close', 'imsUrl', 'profileCount', 'tenant']);
  });

  it('answers Campaign calls without recording them, while the test entry records every one', async () => {
    sim = await startSimulator();
    const plain = sim;
    for (let i = 0; i < 20; i++) expect((await call(plain, 'GET', `${plain.baseUrl}/profileAndServices/profile?_lineCount=1`)).status).toBe(200);
    expect('requests' in plain).toBe(false);

    const observed = await startTestSimulator();
    try {
      await call(observed, 'GET', `${observed.baseUrl}/profileAndServices/profile?_lineCount=1`);
      expect(observed.requests).toHaveLength(1);
      expect(observed.requests[0]!.headers['x-api-key']).toBe(observed.apiKey);
    } finally {
      await observed.close();
    }
  });
});
