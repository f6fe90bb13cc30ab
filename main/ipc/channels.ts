/**
 * The IPC channel names, and nothing else: this is all the preload bundles, so it stays a few KB and
 * parses instantly. contract.ts pairs every key with its zod schema and answer type (checked to match).
 */
export const channels = {
  getAppInfo: 'app:get-info',
  checkKeychain: 'app:check-keychain',
  setLocale: 'app:set-locale',
  listConnections: 'connections:list',
  saveConnection: 'connections:save',
  deleteConnection: 'connections:delete',
  startDemo: 'connections:start-demo',
  testConnection: 'connections:test',
  findProfiles: 'profile:find',
  findMoreProfiles: 'profile:find-more',
  loadProfile: 'profile:load',
  saveProfile: 'profile:save',
  verifyProfile: 'profile:verify',
  listHistory: 'history:list',
  exportHistory: 'history:export',
  listDrafts: 'drafts:list',
  saveDraft: 'drafts:save',
  discardDraft: 'drafts:discard',
} as const;

export type ChannelKey = keyof typeof channels;
