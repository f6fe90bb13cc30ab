import type { ConnectionSummary } from '../ipc/contract';
import type { Simulator } from '../simulator/server';
import type { ConnectionStore } from './connection-store';

export const DEMO_CONNECTION_ID = 'demo';

/**
 * The built-in Demo connection: the Campaign simulator started inside the app on 127.0.0.1, so a new
 * operator can try the whole workflow without Adobe credentials. Its port and token change with every
 * start, so the stored connection is refreshed the first time it is used in a run.
 */
export function createDemoConnection(connections: ConnectionStore, startSimulator: () => Promise<Simulator>) {
  let running: Promise<ConnectionSummary> | undefined;
  let sim: Simulator | undefined;

  async function start(): Promise<ConnectionSummary> {
    sim = await startSimulator();
    return connections.save(
      {
        id: DEMO_CONNECTION_ID,
        name: 'Demo',
        tenant: sim.tenant,
        environment: 'stage',
        apiName: 'profileAndServicesExt',
        baseUrl: sim.baseUrl,
        // The demo signs in like a real OAuth Server-to-Server connection, against the simulator's IMS.
        authMode: 'oauth',
        imsUrl: sim.imsUrl,
        apiKey: sim.apiKey,
        clientSecret: sim.clientSecret,
      },
      { isDemo: true },
    );
  }

  return {
    ensure(): Promise<ConnectionSummary> {
      running ??= start().catch((err: unknown) => {
        running = undefined;
        throw err;
      });
      return running;
    },
    async close(): Promise<void> {
      await sim?.close();
    },
  };
}

export type DemoConnection = ReturnType<typeof createDemoConnection>;
