/**
 * The saved connections and the one in use. "Use" (a card's button or the header's switcher) checks a
 * connection before anything else happens, and asks first when it would throw away unsaved edits.
 */
import type { ConnectionCheck, ConnectionSummary, SaveConnectionRequest } from '../../main/model/connection';
import type { AppError, Result } from '../../main/model/errors';
import { desk } from '../lib/desk';
import { editing } from './editing.svelte';
import { navigation } from './navigation.svelte';
import { search } from './search.svelte';

/** What "Use" starts: a saved connection or the demo. */
export type UseTarget = ConnectionSummary | 'demo';

class Connections {
  list = $state.raw<ConnectionSummary[]>([]);
  active = $state.raw<ConnectionSummary | null>(null);
  /** "Use" in progress: which connection ('demo' for the demo) and whether it is starting or being checked. */
  using = $state.raw<{ target: string; phase: 'starting' | 'checking' } | null>(null);
  /** The last failed "Use", shown under the connection it belongs to on the connect screen. */
  useError = $state.raw<{ target: string; error: AppError } | null>(null);
  /** A "Use" that waits for the operator to confirm that unsaved edits of another connection may go. */
  pendingUse = $state.raw<UseTarget | null>(null);
  /** Set when another screen sends the operator to the settings of the active connection (e.g. expired token). */
  editConnectionId = $state<string | null>(null);

  async load(): Promise<AppError | null> {
    const result = await desk.listConnections();
    if (!result.ok) return result.error;
    this.setList(result.value);
    return null;
  }

  async save(request: SaveConnectionRequest): Promise<Result<ConnectionSummary>> {
    const saved = await desk.saveConnection(request);
    if (saved.ok) {
      this.upsert(saved.value);
      if (this.useError?.target === saved.value.id) this.useError = null;
    }
    return saved;
  }

  /** One harmless read with the stored settings; a success tells when the access expires. */
  async test(connection: ConnectionSummary): Promise<Result<{ connection: ConnectionSummary; check: ConnectionCheck }>> {
    const checked = await desk.testConnection({ connectionId: connection.id });
    return checked.ok ? { ok: true, value: { connection: this.withCheck(connection, checked.value), check: checked.value } } : checked;
  }

  async remove(connection: ConnectionSummary): Promise<AppError | null> {
    const result = await desk.deleteConnection({ connectionId: connection.id });
    if (!result.ok) return result.error;
    this.setList(result.value);
    if (this.useError?.target === connection.id) this.useError = null;
    return null;
  }

  /** Opens the edit form of the active connection; edits stay and come back after "Use". */
  openSettings(): void {
    this.editConnectionId = this.active?.id ?? null;
    navigation.go('connect');
  }

  /** After a successful connection check. Unsaved edits for a profile of this connection are brought back. */
  connected(connection: ConnectionSummary): void {
    this.active = connection;
    if (editing.unsaved && editing.profile?.connectionId === connection.id) {
      navigation.go('edit', { key: 'edit.keptNotice' });
      return;
    }
    if (editing.profile && editing.profile.connectionId !== connection.id) editing.clear();
    if (search.result && search.result.connectionId !== connection.id) search.clear();
    navigation.go('find', { key: 'find.connected', params: { name: connection.name, tenant: connection.tenant } });
  }

  /** Switching to this target would throw away unsaved edits made with another connection. */
  wouldLoseEdits(target: UseTarget): boolean {
    if (!editing.unsaved || !editing.profile) return false;
    return target === 'demo' || target.id !== editing.profile.connectionId;
  }

  /** "Use" from anywhere: asks first when unsaved edits would be lost (App shows the question). */
  requestUse(target: UseTarget): void {
    if (this.using || editing.saving) return;
    if (this.wouldLoseEdits(target)) {
      this.pendingUse = target;
      return;
    }
    void this.use(target);
  }

  /** "Use this connection now" after a successful test in the form: no second test needed. */
  useTested(connection: ConnectionSummary): void {
    if (this.wouldLoseEdits(connection)) this.requestUse(connection);
    else this.connected(connection);
  }

  confirmPendingUse(): void {
    const target = this.pendingUse;
    this.pendingUse = null;
    if (!target) return;
    editing.clear();
    void this.use(target);
  }

  cancelPendingUse(): void {
    this.pendingUse = null;
  }

  /** Checks the connection (starting the demo first), then opens "Find a profile"; a failure is shown on the connect screen. */
  private async use(target: UseTarget): Promise<void> {
    if (this.using) return;
    const key = target === 'demo' ? 'demo' : target.id;
    this.useError = null;
    let connection: ConnectionSummary;
    if (target === 'demo') {
      this.using = { target: key, phase: 'starting' };
      const started = await desk.startDemo();
      if (!started.ok) return this.useFailed(key, started.error);
      connection = started.value;
      this.upsert(connection);
    } else {
      connection = target;
    }
    this.using = { target: key, phase: 'checking' };
    const checked = await desk.testConnection({ connectionId: connection.id });
    this.using = null;
    if (!checked.ok) return this.useFailed(key, checked.error);
    this.connected(this.withCheck(connection, checked.value));
  }

  private withCheck(connection: ConnectionSummary, check: ConnectionCheck): ConnectionSummary {
    const current = this.list.find((c) => c.id === connection.id) ?? connection;
    const updated = check.tokenExpiresAt ? { ...current, tokenExpiresAt: check.tokenExpiresAt } : current;
    this.upsert(updated);
    return updated;
  }

  private useFailed(target: string, error: AppError): void {
    this.using = null;
    this.useError = { target, error };
    if (navigation.screen !== 'connect') navigation.go('connect');
  }

  /** Keeps the header and the list in step when a connection is saved or deleted. */
  private setList(list: ConnectionSummary[]): void {
    this.list = list;
    if (!this.active) return;
    const still = list.find((c) => c.id === this.active?.id);
    if (still) this.active = still;
    else {
      this.active = null;
      editing.clear();
      search.clear();
    }
  }

  private upsert(connection: ConnectionSummary): void {
    const index = this.list.findIndex((c) => c.id === connection.id);
    this.setList(index < 0 ? [...this.list, connection] : this.list.map((c) => (c.id === connection.id ? connection : c)));
  }
}

export const connections = new Connections();
