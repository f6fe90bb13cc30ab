import type { ConnectionSummary } from '../model/connection';
import { PolicyRule } from '../model/policy';
import { deskError } from '../errors/desk-error';
import type { ConnectionStore } from './connection-store';

export const DEMO_CONNECTION_ID = 'demo';

/** What the Demo needs of the Campaign it talks to; the app passes the built-in simulator. */
export interface DemoBackend {
  readonly tenant: string;
  readonly baseUrl: string;
  readonly imsUrl: string;
  readonly apiKey: string;
  readonly clientSecret: string;
  close(): Promise<void>;
}

/** The built-in Demo connection. */
export interface DemoConnection {
  /** Starts the backend (once per run) and stores the Demo connection for it. */
  ensure(): Promise<ConnectionSummary>;
  close(): Promise<void>;
}

/**
 * The Campaign simulator started inside the app on 127.0.0.1, so a new operator can try the whole
 * workflow without Adobe credentials. Its port and secret change with every start, so the stored
 * connection is refreshed the first time it is used in a run.
 */
export function createDemoConnection(connections: ConnectionStore, startBackend: () => Promise<DemoBackend>, o: { hidden?: boolean } = {}): DemoConnection {
  let running: Promise<ConnectionSummary> | undefined;
  let backend: DemoBackend | undefined;

  async function start(): Promise<ConnectionSummary> {
    backend = await startBackend();
    return connections.save(
      {
        id: DEMO_CONNECTION_ID,
        name: 'Demo',
        tenant: backend.tenant,
        environment: 'stage',
        apiName: 'profileAndServicesExt',
        baseUrl: backend.baseUrl,
        // The demo signs in like a real OAuth Server-to-Server connection, against the simulator's IMS.
        authMode: 'oauth',
        imsUrl: backend.imsUrl,
        apiKey: backend.apiKey,
        clientSecret: backend.clientSecret,
      },
      { isDemo: true },
    );
  }

  return {
    ensure() {
      if (o.hidden) return Promise.reject(deskError('policy', 'IT\'s policy hides the Demo on this computer', { code: PolicyRule.demoHidden }));
      running ??= start().catch((err: unknown) => {
        running = undefined;
        throw err;
      });
      return running;
    },
    async close() {
      await backend?.close();
    },
  };
}
