import type { GatewayDeps } from './gateway';
import type { MetadataStyle } from './metadata';
import type { ProfileStore } from './profile-store';

/** Everything the routes need from a running simulator. */
export interface SimContext extends GatewayDeps {
  tenant: string;
  baseUrl: string;
  store: ProfileStore;
  wrapGetInContent: boolean;
  metadata: MetadataStyle;
  tokenLifetimeSec: number;
}
