import { createCampaignClient, type AuthSource, type CampaignClient, type CampaignClientOptions } from '../campaign/client';
import { createTokenProvider, type TokenProvider } from '../auth/token-provider';
import { effectiveBaseUrl, type ConnectionCredentials, type ConnectionStore } from '../connections/connection-store';
import type { HttpClient } from '../http/http-client';
import { createPacer, pacedHttp, type Pacer } from '../http/pacer';
import { DEFAULT_BULK_SETTINGS } from '../model/bulk';
import type { Redactor } from '../logging/logger';

interface Entry {
  client: CampaignClient;
  provider?: TokenProvider;
}

/** Campaign clients by connection id. */
export interface ClientRegistry {
  clientFor(connectionId: string): Promise<CampaignClient>;
  /** When the OAuth token in use expires (epoch ms), if this connection has one. */
  tokenExpiresAt(connectionId: string): Promise<number | undefined>;
  /** Drops the client of a connection that changed or was deleted; the next call builds a new one. */
  forget(connectionId: string): void;
  /** The pace of every request to this connection (Campaign and its token endpoint alike). */
  pacerFor(connectionId: string): Pacer;
}

export interface ClientRegistryOptions {
  connections: ConnectionStore;
  redactor: Redactor;
  http: HttpClient;
  tuning?: Pick<CampaignClientOptions, 'timeoutMs' | 'retry'>;
  /** Requests per second a connection starts with; bulk jobs set their own (the operator's setting). */
  requestsPerSecond?: number;
}

/**
 * One Campaign client per connection, built on first use from the connection's settings and keychain
 * secrets, and dropped when the connection changes. Every secret it reads is registered with the redactor.
 * All its requests go through the connection's pacer: Campaign does not pace clients, the app does.
 */
export function createClientRegistry({ connections, redactor, http, tuning = {}, requestsPerSecond = DEFAULT_BULK_SETTINGS.requestsPerSecond }: ClientRegistryOptions): ClientRegistry {
  const entries = new Map<string, Promise<Entry>>();
  const pacers = new Map<string, Pacer>();
  const pacerFor = (id: string): Pacer => {
    let pacer = pacers.get(id);
    if (!pacer) pacers.set(id, (pacer = createPacer({ requestsPerSecond })));
    return pacer;
  };

  const remember = (secret: string) => {
    redactor.add(secret);
    return secret;
  };

  function authFor(id: string, name: string, creds: ConnectionCredentials): { auth: AuthSource; provider?: TokenProvider } {
    if (creds.mode === 'token') {
      // A pasted token cannot be renewed: a 401 goes to the operator.
      return { auth: { current: async () => ({ apiKey: creds.apiKey, accessToken: creds.accessToken }) } };
    }
    const provider = createTokenProvider({
      connectionName: name,
      credentials: async () => ({ imsUrl: creds.imsUrl, clientId: creds.apiKey, clientSecret: creds.clientSecret, scopes: creds.scopes }),
      cache: connections.tokenCacheFor(id),
      http: pacedHttp(http, pacerFor(id)),
    });
    return {
      provider,
      auth: {
        current: async () => ({ apiKey: creds.apiKey, accessToken: remember(await provider.token()) }),
        renew: async (rejected) => ({ apiKey: creds.apiKey, accessToken: remember(await provider.renewAfterRejection(rejected.accessToken)) }),
      },
    };
  }

  async function build(id: string): Promise<Entry> {
    const summary = await connections.get(id);
    const creds = await connections.credentialsFor(id);
    for (const value of Object.values(creds)) remember(value);
    const { auth, provider } = authFor(id, summary.name, creds);
    const client = createCampaignClient({
      baseUrl: effectiveBaseUrl(summary.tenant, summary.baseUrl),
      apiName: summary.apiName,
      connectionName: summary.name,
      auth,
      http: pacedHttp(http, pacerFor(id)),
      ...tuning,
    });
    return { client, provider };
  }

  function entry(id: string): Promise<Entry> {
    let e = entries.get(id);
    if (!e) {
      e = build(id);
      e.catch(() => entries.delete(id)); // a failed build (e.g. a locked keychain) is tried again next time
      entries.set(id, e);
    }
    return e;
  }

  return {
    clientFor: async (id) => (await entry(id)).client,
    tokenExpiresAt: async (id) => (await entry(id)).provider?.expiresAt(),
    forget: (id) => void entries.delete(id),
    pacerFor,
  };
}
