/**
 * The app's state machine: which screen is shown, the active connection, the loaded profile, the operator's
 * edits and the last save outcome. Edits live here (not in a screen), so they survive errors, language
 * switches and going back and forth between editing, reviewing and the connection settings.
 */
import type {
  AppError,
  ConnectionCheck,
  ConnectionSummary,
  Draft,
  FieldDef,
  FieldValue,
  FindResult,
  HistoryRow,
  LoadedProfile,
  ProfileHit,
  Result,
  SaveOutcome,
  VerifyReport,
} from '../../main/ipc/contract';
import { changedValues, type Values } from './changes';
import { applyChoices, saveBase, type ConflictChoice } from './conflict';
import { desk } from './desk';
import type { MessageKey, Params } from './i18n/i18n.svelte';
import { validateField } from './validate';

export type Screen = 'connect' | 'find' | 'edit' | 'review' | 'conflict' | 'result' | 'history';
/** A save that found the profile changed in Campaign since it was loaded: nothing was sent. */
export type ConflictOutcome = Extract<SaveOutcome, { status: 'conflict' }>;
/** The last search, kept while the operator opens a profile and comes back. */
export interface SearchState {
  connectionId: string;
  /** What was searched for, as sent. */
  query: string;
  kind: FindResult['kind'];
  hits: ProfileHit[];
  next?: string;
}
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
  /** The text in the search box, kept across screens. */
  searchInput = $state('');
  /** The last search and its results (all pages loaded so far), kept across screens. */
  search = $state.raw<SearchState | null>(null);
  /** The profile last opened from the results, so coming back puts the focus on its row. */
  lastOpened = $state<string | null>(null);
  /** The profile as Campaign last returned it: the "original" every change is compared with. */
  profile = $state.raw<LoadedProfile | null>(null);
  /** The operator's working copy of every value, keyed by field path. */
  edited = $state<Values>({});
  /** The outcome of the last save that reached Campaign (checked or not checked); null while editing. */
  outcome = $state.raw<Exclude<SaveOutcome, ConflictOutcome> | null>(null);
  /** A save stopped because the profile changed in Campaign meanwhile; the operator chooses per field. */
  conflict = $state.raw<ConflictOutcome | null>(null);
  saving = $state(false);
  /** A one-off message for the screen that is shown next (e.g. "Connected to …"). */
  notice = $state.raw<Notice | null>(null);

  /**
   * The base of a draft the operator continued: what the edit originally started from, so a save still
   * checks whether Campaign changed meanwhile. null for an edit that started from the loaded profile.
   */
  draftBase = $state.raw<{ values: Values; lastModified?: string } | null>(null);
  /** Whether main may hold a draft for the loaded profile (so removing every edit discards it). */
  draftKept = $state(false);
  /** The history entry this edit undoes; sent with the save, so the undo is marked in the history. */
  undoOf = $state.raw<string | null>(null);
  /** Where "Back" on the history screen returns to. */
  beforeHistory = $state<Screen>('connect');

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
    if (this.search && this.search.connectionId !== connection.id) this.clearSearch();
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

  /** Checks the connection (starting the demo first), then opens "Find a profile"; a failure is shown on the connect screen. */
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
        this.clearSearch();
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
    this.conflict = null;
    this.draftBase = null;
    this.draftKept = false;
    this.undoOf = null;
    this.go('edit');
  }

  /** "Continue editing" a draft: the profile as Campaign has it now, with the draft's changes on top. */
  continueDraft(profile: LoadedProfile, draft: Draft): void {
    this.startEditing(profile);
    this.edited = { ...profile.values, ...draft.changes };
    this.draftBase = draft.base;
    this.draftKept = true;
    this.go('edit', { key: 'drafts.continued' });
  }

  /** "Undo this change" from the history: the old values become edits of the profile as it is now. */
  startUndo(profile: LoadedProfile, row: HistoryRow): void {
    this.startEditing(profile);
    const old: Values = {};
    for (const change of row.changes) if (change.path) old[change.path] = change.old;
    this.edited = { ...profile.values, ...old };
    this.undoOf = row.saveId;
    if (this.changeCount > 0) this.go('review', { key: 'undo.reviewNotice' });
    else {
      this.undoOf = null;
      this.go('edit', { key: 'undo.nothingToUndo' });
    }
  }

  openHistory(): void {
    if (this.screen !== 'history') this.beforeHistory = this.screen;
    this.go('history');
  }

  closeHistory(): void {
    this.go(this.beforeHistory === 'history' ? 'connect' : this.beforeHistory);
  }

  /** What a save (and its draft) starts from: a continued draft's base for the fields it holds. */
  baseFor(profile: LoadedProfile, changes: Values): { values: Values; lastModified?: string } {
    const fresh = saveBase(profile, changes);
    const kept = this.draftBase;
    if (!kept) return fresh;
    const values: Record<string, FieldValue> = { ...fresh.values };
    for (const path of Object.keys(changes)) if (Object.prototype.hasOwnProperty.call(kept.values, path)) values[path] = kept.values[path] ?? null;
    const lastModified = kept.lastModified ?? fresh.lastModified;
    return lastModified ? { values, lastModified } : { values };
  }

  /**
   * Keeps main's draft in step with the edits: saved while there are changes, discarded when every edit
   * has been undone. Never throws; a failed draft write is retried with the next change.
   */
  async syncDraft(): Promise<void> {
    const profile = this.profile;
    if (!profile || this.outcome || this.saving) return;
    const changes = { ...this.changes };
    if (Object.keys(changes).length > 0) {
      const result = await desk.saveDraft({
        connectionId: profile.connectionId,
        pkey: profile.pkey,
        profileName: profile.displayName.trim().slice(0, 200),
        changes,
        base: this.baseFor(profile, changes),
      });
      if (result.ok && this.profile?.pkey === profile.pkey) this.draftKept = true;
    } else if (this.draftKept) {
      const result = await desk.discardDraft({ connectionId: profile.connectionId, pkey: profile.pkey });
      if (result.ok && this.profile?.pkey === profile.pkey && this.changeCount === 0) this.draftKept = false;
    }
  }

  private discardDraftOf(profile: LoadedProfile | null): void {
    if (!profile) return;
    this.draftKept = false;
    void desk.discardDraft({ connectionId: profile.connectionId, pkey: profile.pkey });
  }

  clearSearch(): void {
    this.search = null;
    this.searchInput = '';
    this.lastOpened = null;
  }

  /** "Discard changes": the form goes back to the loaded values and the draft goes too. */
  discardChanges(): void {
    if (!this.profile) return;
    this.edited = { ...this.profile.values };
    this.discardDraftOf(this.profile);
  }

  /** Closes the profile; edits the operator chose to give up take their draft with them. */
  clearProfile(): void {
    if (this.unsaved) this.discardDraftOf(this.profile);
    this.profile = null;
    this.draftBase = null;
    this.draftKept = false;
    this.undoOf = null;
    this.edited = {};
    this.outcome = null;
    this.conflict = null;
  }

  /** Sends the changes once; a second call while the first runs is ignored. Edits stay whatever happens. */
  async save(): Promise<Result<SaveOutcome> | null> {
    const profile = this.profile;
    if (!profile || this.saving || this.changeCount === 0 || this.invalid.length > 0) return null;
    this.saving = true;
    try {
      const changes = { ...this.changes };
      const base = this.baseFor(profile, changes);
      // The draft first: whatever happens to the save, the edits survive a crash or a restart.
      const drafted = await desk.saveDraft({
        connectionId: profile.connectionId,
        pkey: profile.pkey,
        profileName: profile.displayName.trim().slice(0, 200),
        changes,
        base,
      });
      if (drafted.ok) this.draftKept = true;
      const result = await desk.saveProfile({
        connectionId: profile.connectionId,
        pkey: profile.pkey,
        changes,
        base,
        ...(this.undoOf !== null ? { undoOf: this.undoOf } : {}),
      });
      if (result.ok) {
        const outcome = result.value;
        if (outcome.status === 'conflict') {
          // Nothing was sent: the operator decides per field before anything is written.
          this.conflict = outcome;
          this.go('conflict');
        } else {
          // Campaign has the change: main discarded the draft.
          this.outcome = outcome;
          this.draftKept = false;
          this.draftBase = null;
          this.undoOf = null;
          if (outcome.status === 'checked') this.adoptReport(outcome.report);
          this.go('result');
        }
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
    if (!outcome || outcome.status !== 'notChecked' || !profile) return null;
    const result = await desk.verifyProfile({ connectionId: profile.connectionId, pkey: profile.pkey, sent: { ...outcome.sent } });
    if (result.ok) {
      this.outcome = { status: 'checked', report: result.value };
      this.adoptReport(result.value);
    }
    return result;
  }

  /**
   * The operator's choices after a conflict: Campaign's current profile becomes the original (and so the
   * base of the next save); their changes stay except where they took Campaign's value. Always back to
   * Review, never a silent save; with nothing left to send, back to the form instead.
   */
  resolveConflict(choices: Readonly<Record<string, ConflictChoice | ''>>): void {
    const conflict = this.conflict;
    if (!conflict || this.saving) return;
    const edited = applyChoices(conflict.profile, this.changes, choices);
    this.profile = conflict.profile;
    this.draftBase = null; // Campaign's current profile is the base from now on
    this.edited = edited;
    this.conflict = null;
    if (this.changeCount > 0) this.go('review', { key: 'conflict.reviewNotice' });
    else this.go('edit', { key: 'conflict.nothingLeft' });
  }

  /** Campaign's answer after a save becomes the new original, so a next edit starts from the truth. */
  private adoptReport(report: VerifyReport): void {
    this.profile = report.profile;
    this.edited = { ...report.profile.values };
  }
}

export const session = new Session();
