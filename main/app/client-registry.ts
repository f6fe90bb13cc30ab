import { createCampaignClient, type AuthSource, type CampaignClient, type CampaignClientOptions } from '../campaign/client';
import { createTokenProvider, type TokenProvider } from '../auth/token-provider';
import { effectiveBaseUrl, type ConnectionCredentials, type ConnectionStore } from '../connections/connection-store';
import type { Redactor } from '../logging/logger';

interface Entry {
  client: CampaignClient;
  provider?: TokenProvider;
}

/**
 * One Campaign client per connection, built on first use from the connection's settings and keychain
 * secrets, and dropped when the connection changes. Every secret it reads is registered with the redactor.
 */
export function createClientRegistry(
  connections: ConnectionStore,
  redactor: Redactor,
  tuning: Pick<CampaignClientOptions, 'timeoutMs' | 'retry'> = {},
) {
  const entries = new Map<string, Promise<Entry>>();

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
    clientFor: async (id: string): Promise<CampaignClient> => (await entry(id)).client,
    /** When the OAuth token in use expires, if this connection has one. */
    tokenExpiresAt: async (id: string): Promise<number | undefined> => (await entry(id)).provider?.expiresAt(),
    forget: (id: string): void => void entries.delete(id),
  };
}

export type ClientRegistry = ReturnType<typeof createClientRegistry>;
