/**
 * The simulator as tests see it: every request recorded (headers included), faults on demand, direct access
 * to its profiles and tokens. A separate entry, so the Demo inside the app never keeps a request log.
 */
import { FaultList } from './faults';
import { renderProfile } from './profile-view';
import { launchSimulator } from './server';
import type { Fault, SimRequest, SimulatorOptions, TestSimulator } from './types';
import { validateWrite } from './validation';

export type { Fault, SimRequest, SimulatorOptions, TestSimulator } from './types';

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const requests: SimRequest[] = [];
  const faults = new FaultList();
  const { simulator, internals } = await launchSimulator(options, {
    record: (request) => void requests.push(request),
    fault: (method, path) => faults.take(method, path),
  });
  const { store, tokens, ctx } = internals;
  return {
    ...simulator,
    requests,
    clearRequests: () => {
      requests.length = 0; // same array, so references held by tests stay live
    },
    pkeys: () => store.all().map((r) => r.pkey),
    getProfile: (pkey) => {
      const record = store.get(pkey);
      return record && renderProfile(record, 'profileAndServicesExt', ctx.baseUrl, Date.now());
    },
    changeProfile: (pkey, patch) => {
      if (!store.get(pkey)) throw new Error(`changeProfile: no profile ${pkey}`);
      store.update(pkey, validateWrite(patch, 'profileAndServicesExt'), Date.now());
    },
    expireTokens: () => tokens.expireAll(),
    injectFault: (fault: Fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    setLatency: internals.setLatency,
    setNormalizer: (field, fn) => store.setNormalizer(field, fn),
  };
}
