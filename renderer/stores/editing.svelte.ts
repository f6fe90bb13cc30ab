/**
 * One profile being edited: the profile as Campaign last returned it, the operator's working copy, the
 * save and its outcome, a conflict to resolve, and the drafts main keeps. Edits live here (not in a screen),
 * so they survive errors, language switches and going back and forth between editing, reviewing and settings.
 */
import { changedValues, editBase } from '../../main/model/changes';
import type { AppError, Result } from '../../main/model/errors';
import type { HistoryRow } from '../../main/model/history';
import type { FieldDef, LoadedProfile } from '../../main/model/profile';
import type { Draft, EditBase, SaveOutcome, Values, VerifyReport } from '../../main/model/save';
import { applyChoices, type ConflictChoice } from '../lib/conflict';
import { desk } from '../lib/desk';
import type { MessageKey } from '../lib/i18n/i18n.svelte';
import { validateField } from '../lib/validate';
import { navigation } from './navigation.svelte';

/** A save that found the profile changed in Campaign since it was loaded: nothing was sent. */
export type ConflictOutcome = Extract<SaveOutcome, { status: 'conflict' }>;

/** How a profile is opened: to edit it, to continue a kept draft, or to undo a change from the history. */
export type OpenAs = { as: 'edit' } | { as: 'draft'; draft: Draft } | { as: 'undo'; row: HistoryRow };

class Editing {
  /** The profile as Campaign last returned it: the "original" every change is compared with. */
  profile = $state.raw<LoadedProfile | null>(null);
  /** The operator's working copy of every value, keyed by field path. */
  edited = $state<Values>({});
  /** The outcome of the last save that reached Campaign (checked or not checked); null while editing. */
  outcome = $state.raw<Exclude<SaveOutcome, ConflictOutcome> | null>(null);
  /** A save stopped because the profile changed in Campaign meanwhile; the operator chooses per field. */
  conflict = $state.raw<ConflictOutcome | null>(null);
  saving = $state(false);
  /** The profile being loaded by open(), for its spinner. */
  opening = $state<string | null>(null);
  /**
   * The base of a draft the operator continued: what the edit originally started from, so a save still
   * checks whether Campaign changed meanwhile. null for an edit that started from the loaded profile.
   */
  private draftBase: EditBase | null = null;
  /** Whether main may hold a draft for the loaded profile (so removing every edit discards it). */
  private draftKept = false;
  /** The history entry this edit undoes; sent with the save, so the undo is marked in the history. */
  undoOf = $state.raw<string | null>(null);

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

  /** The one way to open a profile: loads it from Campaign, then edits it as asked. null when it opened. */
  async open(connectionId: string, pkey: string, how: OpenAs = { as: 'edit' }): Promise<AppError | null> {
    if (this.opening) return null;
    this.opening = pkey;
    const loaded = await desk.loadProfile({ connectionId, pkey });
    this.opening = null;
    if (!loaded.ok) return loaded.error;
    if (how.as === 'draft') this.continueDraft(loaded.value, how.draft);
    else if (how.as === 'undo') this.startUndo(loaded.value, how.row);
    else this.startEditing(loaded.value);
    return null;
  }

  /** Edits a profile already in hand (Campaign's answer after a save). */
  startEditing(profile: LoadedProfile): void {
    this.profile = profile;
    this.edited = { ...profile.values };
    this.outcome = null;
    this.conflict = null;
    this.draftBase = null;
    this.draftKept = false;
    this.undoOf = null;
    navigation.go('edit');
  }

  /** "Continue editing" a draft: the profile as Campaign has it now, with the draft's changes on top. */
  private continueDraft(profile: LoadedProfile, draft: Draft): void {
    this.startEditing(profile);
    this.edited = { ...profile.values, ...draft.changes };
    this.draftBase = draft.base;
    this.draftKept = true;
    navigation.go('edit', { key: 'drafts.continued' });
  }

  /** "Undo this change" from the history: the old values become edits of the profile as it is now. */
  private startUndo(profile: LoadedProfile, row: HistoryRow): void {
    this.startEditing(profile);
    const old: Values = {};
    for (const change of row.changes) if (change.path) old[change.path] = change.old;
    this.edited = { ...profile.values, ...old };
    this.undoOf = row.saveId;
    if (this.changeCount > 0) navigation.go('review', { key: 'undo.reviewNotice' });
    else {
      this.undoOf = null;
      navigation.go('edit', { key: 'undo.nothingToUndo' });
    }
  }

  /** What a save (and its draft) starts from: a continued draft's base for the fields it holds. */
  private baseFor(profile: LoadedProfile, changes: Values): EditBase {
    const fresh = editBase(profile, changes);
    const kept = this.draftBase;
    if (!kept) return fresh;
    const values: Values = { ...fresh.values };
    for (const path of Object.keys(changes)) if (Object.prototype.hasOwnProperty.call(kept.values, path)) values[path] = kept.values[path] ?? null;
    const lastModified = kept.lastModified ?? fresh.lastModified;
    return lastModified ? { values, lastModified } : { values };
  }

  private nameOf(profile: LoadedProfile): string {
    return profile.displayName.trim().slice(0, 200);
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
      const base = this.baseFor(profile, changes);
      const result = await desk.saveDraft({ connectionId: profile.connectionId, pkey: profile.pkey, profileName: this.nameOf(profile), changes, base });
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

  /** "Discard changes": the form goes back to the loaded values and the draft goes too. */
  discardChanges(): void {
    if (!this.profile) return;
    this.edited = { ...this.profile.values };
    this.discardDraftOf(this.profile);
  }

  /** Closes the profile; edits the operator chose to give up take their draft with them. */
  clear(): void {
    if (this.unsaved) this.discardDraftOf(this.profile);
    this.profile = null;
    this.draftBase = null;
    this.draftKept = false;
    this.undoOf = null;
    this.edited = {};
    this.outcome = null;
    this.conflict = null;
  }

  /**
   * Sends the changes once (one call: main keeps them as a draft until Campaign has them); a second call
   * while the first runs is ignored. Edits stay whatever happens.
   */
  /** typedConfirmation: the connection's name, where IT's policy asks for it before a production save. */
  async save(typedConfirmation?: string): Promise<Result<SaveOutcome> | null> {
    const profile = this.profile;
    if (!profile || this.saving || this.changeCount === 0 || this.invalid.length > 0) return null;
    this.saving = true;
    try {
      const changes = { ...this.changes };
      const result = await desk.saveProfile({
        connectionId: profile.connectionId,
        pkey: profile.pkey,
        profileName: this.nameOf(profile),
        changes,
        base: this.baseFor(profile, changes),
        ...(this.undoOf !== null ? { undoOf: this.undoOf } : {}),
        ...(typedConfirmation !== undefined ? { typedConfirmation } : {}),
      });
      // Main drafted the edits before anything was sent: a failed save leaves them kept for later too.
      this.draftKept = true;
      if (result.ok) this.saved(result.value);
      return result;
    } finally {
      this.saving = false;
    }
  }

  private saved(outcome: SaveOutcome): void {
    if (outcome.status === 'conflict') {
      // Nothing was sent: the operator decides per field before anything is written.
      this.conflict = outcome;
      navigation.go('conflict');
      return;
    }
    // Campaign has the change: main discarded the draft.
    this.outcome = outcome;
    this.draftKept = false;
    this.draftBase = null;
    this.undoOf = null;
    if (outcome.status === 'checked') this.adoptReport(outcome.report);
    navigation.go('result');
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
    if (this.changeCount > 0) navigation.go('review', { key: 'conflict.reviewNotice' });
    else navigation.go('edit', { key: 'conflict.nothingLeft' });
  }

  /** Campaign's answer after a save becomes the new original, so a next edit starts from the truth. */
  private adoptReport(report: VerifyReport): void {
    this.profile = report.profile;
    this.edited = { ...report.profile.values };
  }

  /** Drafts main keeps for profiles of this connection (after a restart, a crash or a failed save). */
  async draftsOf(connectionId: string): Promise<Draft[]> {
    const result = await desk.listDrafts();
    return result.ok ? result.value.filter((d) => d.connectionId === connectionId) : []; // they stay with main for the next start
  }

  /** Lets a kept draft go; answers the drafts of its connection that remain. */
  async discardDraft(draft: Draft): Promise<Result<Draft[]>> {
    const result = await desk.discardDraft({ connectionId: draft.connectionId, pkey: draft.pkey });
    return result.ok ? { ok: true, value: result.value.filter((d) => d.connectionId === draft.connectionId) } : result;
  }
}

export const editing = new Editing();
