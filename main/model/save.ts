/** One save of one profile: what it starts from, what it sends, and how it ended. */
import type { AppError } from './errors';
import type { FieldValue, LoadedProfile, ProfileRef } from './profile';

export type Values = Record<string, FieldValue>;

/** What an edit started from: the loaded values of the edited fields and the profile's lastModified. */
export interface EditBase {
  values: Values;
  lastModified?: string;
}

export interface SaveRequest extends ProfileRef {
  /** Only the changed fields, by path. */
  changes: Values;
  base: EditBase;
  /** The profile's name as the operator saw it, for the draft main keeps until Campaign has the change. */
  profileName?: string;
  /** The saveId of the history entry this save undoes. */
  undoOf?: string;
  /** The connection's name as the operator typed it, where IT's policy asks for that on production. */
  typedConfirmation?: string;
}

/** A field the operator edited that someone else changed since it was loaded. */
export interface FieldConflict {
  path: string;
  loaded: FieldValue;
  server: FieldValue;
  mine: FieldValue;
}

/** One field of a verification: what was sent and what the verifying GET returned. */
export interface FieldCheck {
  path: string;
  sent: FieldValue;
  /** The value the verifying GET returned; undefined when the field was absent. */
  server?: FieldValue;
  match: boolean;
}

export interface VerifyReport {
  pkey: string;
  checkedAt: string;
  fields: FieldCheck[];
  allConfirmed: boolean;
  /** The profile as the verifying GET returned it, so the form can show the server's truth. */
  profile: LoadedProfile;
}

export interface VerifyRequest extends ProfileRef {
  sent: Values;
}

/**
 * checked: the PATCH went through and the verifying GET ran; report.allConfirmed says whether every field matched.
 * notChecked: the PATCH went through but the verifying GET failed: "saved, not verified", never "verified".
 * conflict: nothing was sent: the profile changed on the server since it was loaded; the operator chooses.
 */
export type SaveOutcome =
  | { status: 'checked'; report: VerifyReport }
  | { status: 'notChecked'; sent: Values; verifyError: AppError }
  | { status: 'conflict'; conflicts: FieldConflict[]; changedElsewhere: boolean; profile: LoadedProfile };

/** A saved-but-unsent edit of one profile, offered back after a crash, a restart or a failed save. */
export interface Draft extends ProfileRef {
  profileName: string;
  /** The operator's edited values, by field path. */
  changes: Values;
  /** The loaded values of those fields, so a later save still checks for conflicts. */
  base: EditBase;
  savedAt: string;
}
export type DraftInput = Omit<Draft, 'savedAt'>;
