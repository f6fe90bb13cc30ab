/**
 * The app's state machine: which screen is shown, the active connection, the loaded profile, the operator's
 * edits and the last save outcome. Edits live here (not in a screen), so they survive errors, language
 * switches and going back and forth between editing, reviewing and the connection settings.
 */
import type {
  AppError,
  ConnectionCheck,
  ConnectionSummary,
  FieldDef,
  LoadedProfile,
  Result,
  SaveOutcome,
  VerifyReport,
} from '../../main/ipc/contract';
import { changedValues, type Values } from './changes';
import { desk } from './desk';
import type { MessageKey, Params } from './i18n/i18n.svelte';
import { validateField } from './validate';

export type Screen = 'connect' | 'find' | 'edit' | 'review' | 'result';
export interface Notice {
  key: MessageKey;
  params?: Params;
}
/** What "Use" (a card's button or the header's switcher) starts: a saved connection or the demo. */
export type UseTarget = ConnectionSummary | 'demo';

class Session {
  screen = $state<Screen>('connect');
  appVersion = $state('');
  connections = $state.raw<ConnectionSummary[]>([]);
  active = $state.raw<ConnectionSummary | null>(null);
  /** The last text typed into "Profile key", kept across screens. */
  pkeyInput = $state('');
  /** The profile as Campaign last returned it: the "original" every change is compared with. */
  profile = $state.raw<LoadedProfile | null>(null);
  /** The operator's working copy of every value, keyed by field path. */
  edited = $state<Values>({});
  outcome = $state.raw<SaveOutcome | null>(null);
  saving = $state(false);
  /** A one-off message for the screen that is shown next (e.g. "Connected to …"). */
  notice = $state.raw<Notice | null>(null);

  /** Set when another screen sends the operator to the settings of the active connection (e.g. expired token). */
  editConnectionId = $state<string | null>(null);

  /** "Use" in progress: which connection ('demo' for the demo) and whether it is starting or being checked. */
  using = $state.raw<{ target: string; phase: 'starting' | 'checking' } | null>(null);
  /** The last failed "Use", shown under the connection it belongs to on the connect screen. */
  useError = $state.raw<{ target: string; error: AppError } | null>(null);
  /** A "Use" that waits for the operator to confirm that unsaved edits of another connection may go. */
  pendingUse = $state.raw<UseTarget | null>(null);

  /** What would be sent: only changed, editable fields. */
  changes = $derived(this.profile ? changedValues(this.profile, this.edited) : {});
  changeCount = $derived(Object.keys(this.changes).length);
  /** Changed fields whose value would be rejected; reviewing is blocked while there are any. */
  invalid = $derived.by(() => {
    const list: { def: FieldDef; error: MessageKey }[] = [];
    for (const def of this.profile?.fields ?? []) {
      if (!(def.path in this.changes)) continue;
      const error = validateField(def, this.edited[def.path] ?? null);
      if (error) list.push({ def, error });
    }
    return list;
  });

  /** Edits that have not been sent yet (after a save, the remaining difference is not "unsaved"). */
  unsaved = $derived(this.profile !== null && this.outcome === null && this.changeCount > 0);

  /** Opens the edit form of the active connection; edits stay in the session and come back after "Use". */
  openConnectionSettings(): void {
    this.editConnectionId = this.active?.id ?? null;
    this.go('connect');
  }

  go(screen: Screen, notice: Notice | null = null): void {
    this.notice = notice;
    this.screen = screen;
  }

  /** After a successful connection check. Unsaved edits for a profile of this connection are brought back. */
  connected(connection: ConnectionSummary): void {
    this.active = connection;
    if (this.unsaved && this.profile?.connectionId === connection.id) {
      this.go('edit', { key: 'edit.keptNotice' });
      return;
    }
    if (this.profile && this.profile.connectionId !== connection.id) this.clearProfile();
    this.go('find', { key: 'find.connected', params: { name: connection.name, tenant: connection.tenant } });
  }

  /** Switching to this target would throw away unsaved edits made with another connection. */
  wouldLoseEdits(target: UseTarget): boolean {
    if (!this.unsaved || !this.profile) return false;
    return target === 'demo' || target.id !== this.profile.connectionId;
  }

  /** "Use" from anywhere: asks first when unsaved edits would be lost (App shows the question). */
  requestUse(target: UseTarget): void {
    if (this.using || this.saving) return;
    if (this.wouldLoseEdits(target)) {
      this.pendingUse = target;
      return;
    }
    void this.use(target);
  }

  confirmPendingUse(): void {
    const target = this.pendingUse;
    this.pendingUse = null;
    if (!target) return;
    this.clearProfile();
    void this.use(target);
  }

  cancelPendingUse(): void {
    this.pendingUse = null;
  }

  /** Checks the connection (starting the demo first), then opens "Load a profile"; a failure is shown on the connect screen. */
  async use(target: UseTarget): Promise<void> {
    if (this.using) return;
    const key = target === 'demo' ? 'demo' : target.id;
    this.useError = null;
    let connection: ConnectionSummary;
    if (target === 'demo') {
      this.using = { target: key, phase: 'starting' };
      const started = await desk.startDemo();
      if (!started.ok) return this.useFailed(key, started.error);
      connection = started.value;
      this.upsertConnection(connection);
    } else {
      connection = target;
    }
    this.using = { target: key, phase: 'checking' };
    const checked = await desk.testConnection({ connectionId: connection.id });
    this.using = null;
    if (!checked.ok) return this.useFailed(key, checked.error);
    this.connected(this.withCheck(connection, checked.value));
  }

  /** A successful test tells when the access expires: the list and the header show it. */
  withCheck(connection: ConnectionSummary, check: ConnectionCheck): ConnectionSummary {
    const current = this.connections.find((c) => c.id === connection.id) ?? connection;
    const updated = check.tokenExpiresAt ? { ...current, tokenExpiresAt: check.tokenExpiresAt } : current;
    this.upsertConnection(updated);
    return updated;
  }

  private useFailed(target: string, error: AppError): void {
    this.using = null;
    this.useError = { target, error };
    if (this.screen !== 'connect') this.go('connect');
  }

  /** Keeps the header and the list in step when a connection is saved or deleted. */
  setConnections(list: ConnectionSummary[]): void {
    this.connections = list;
    if (this.active) {
      const still = list.find((c) => c.id === this.active?.id);
      if (still) this.active = still;
      else {
        this.active = null;
        this.clearProfile();
      }
    }
  }

  upsertConnection(connection: ConnectionSummary): void {
    const others = this.connections.filter((c) => c.id !== connection.id);
    const index = this.connections.findIndex((c) => c.id === connection.id);
    this.setConnections(index < 0 ? [...others, connection] : this.connections.map((c) => (c.id === connection.id ? connection : c)));
  }

  startEditing(profile: LoadedProfile): void {
    this.profile = profile;
    this.edited = { ...profile.values };
    this.outcome = null;
    this.go('edit');
  }

  discardChanges(): void {
    if (this.profile) this.edited = { ...this.profile.values };
  }

  clearProfile(): void {
    this.profile = null;
    this.edited = {};
    this.outcome = null;
  }

  /** Sends the changes once; a second call while the first runs is ignored. Edits stay whatever happens. */
  async save(): Promise<Result<SaveOutcome> | null> {
    const profile = this.profile;
    if (!profile || this.saving || this.changeCount === 0 || this.invalid.length > 0) return null;
    this.saving = true;
    try {
      const result = await desk.saveProfile({
        connectionId: profile.connectionId,
        pkey: profile.pkey,
        changes: { ...this.changes },
      });
      if (result.ok) {
        this.outcome = result.value;
        if (result.value.verified) this.adoptReport(result.value.report);
        this.go('result');
      }
      return result;
    } finally {
      this.saving = false;
    }
  }

  /** "Check again" after a save whose verification failed. */
  async verifyAgain(): Promise<Result<VerifyReport> | null> {
    const outcome = this.outcome;
    const profile = this.profile;
    if (!outcome || outcome.verified || !profile) return null;
    const result = await desk.verifyProfile({ connectionId: profile.connectionId, pkey: profile.pkey, sent: { ...outcome.sent } });
    if (result.ok) {
      this.outcome = { verified: true, report: result.value };
      this.adoptReport(result.value);
    }
    return result;
  }

  /** Campaign's answer after a save becomes the new original, so a next edit starts from the truth. */
  private adoptReport(report: VerifyReport): void {
    this.profile = report.profile;
    this.edited = { ...report.profile.values };
  }
}

export const session = new Session();
