/**
 * The words of a bulk change that both processes need: the renderer shows them, main writes them into result
 * and problem files in the operator's language. (Field names come from field-labels.ts.)
 */
import type { RowOutcome, RowProblemCause, RowWarningKind } from './bulk';
import type { Locale } from './connection';

interface BulkWords {
  /** Columns added to a result file after the file's own columns. */
  columns: { pkey: string; outcome: string; details: string; line: string };
  outcomes: Record<RowOutcome, string>;
  /** Why a row is not applied; {value}, {count} and {lines} are filled in. */
  problems: Record<RowProblemCause, string>;
  warnings: Record<RowWarningKind, string>;
  /** Why a value cannot be used (RowProblem.detail of invalidValue). */
  reasons: Record<string, string>;
  /** "{field}: {old} → {new}" */
  change: string;
  /** What an empty value reads as in a file. */
  empty: string;
}

export const bulkWords: Record<Locale, BulkWords> = {
  en: {
    columns: { pkey: 'Profile key', outcome: 'Outcome', details: 'Details', line: 'Line in file' },
    outcomes: {
      confirmed: 'Confirmed',
      different: 'Saved, but Campaign holds a different value',
      notVerified: 'Saved, not verified',
      failed: 'Failed',
      changedSincePreview: 'Skipped: changed in Campaign since the preview',
      unchanged: 'Unchanged (already as in the file)',
      notApplied: 'Not applied',
      pending: 'Not done yet',
    },
    problems: {
      missingKey: 'No profile key or email in this row',
      notFound: 'No profile found for “{value}”',
      ambiguousEmail: '{count} profiles share the email {value}: choose by profile key',
      duplicateProfile: 'The same profile is also in line {lines}: neither row is applied',
      invalidValue: '{field}: “{value}” cannot be used ({reason})',
      tooLong: '{field}: “{value}” is longer than the {detail} characters Campaign allows',
      unknownEnum: '{field}: “{value}” is not one of the values Campaign allows',
      readFailed: 'Campaign could not be asked about this profile ({detail})',
      changedSinceRun: '{field} was changed in Campaign after the run: not undone',
    },
    warnings: {
      leadingZeroLost: '{field}: “{value}” has 4 digits — did Excel drop a leading zero?',
      eNotation: '{field}: “{value}” looks like a number Excel shortened (E-notation)',
      replacedCharacter: '{field}: “{value}” contains _ where Excel may have replaced a letter it could not save',
    },
    reasons: {
      dateFormat: 'not a date like 31.12.2024 or 2024-12-31',
      dateInvalid: 'this date does not exist',
      boolean: 'not yes/no',
      integer: 'not a whole number',
      number: 'not a number',
      email: 'not a complete email address',
      cannotClear: 'this field cannot be emptied',
    },
    change: '{field}: {old} → {new}',
    empty: '(empty)',
  },
  de: {
    columns: { pkey: 'Profilschlüssel', outcome: 'Ergebnis', details: 'Details', line: 'Zeile in der Datei' },
    outcomes: {
      confirmed: 'Bestätigt',
      different: 'Gespeichert, aber Campaign hat einen anderen Wert',
      notVerified: 'Gespeichert, nicht geprüft',
      failed: 'Fehlgeschlagen',
      changedSincePreview: 'Übersprungen: seit der Vorschau in Campaign geändert',
      unchanged: 'Unverändert (schon wie in der Datei)',
      notApplied: 'Nicht übernommen',
      pending: 'Noch nicht erledigt',
    },
    problems: {
      missingKey: 'In dieser Zeile fehlen Profilschlüssel bzw. E-Mail',
      notFound: 'Kein Profil gefunden für „{value}“',
      ambiguousEmail: '{count} Profile haben die E-Mail {value}: bitte über den Profilschlüssel wählen',
      duplicateProfile: 'Dasselbe Profil steht auch in Zeile {lines}: keine der Zeilen wird übernommen',
      invalidValue: '{field}: „{value}“ kann nicht verwendet werden ({reason})',
      tooLong: '{field}: „{value}“ ist länger als die {detail} Zeichen, die Campaign erlaubt',
      unknownEnum: '{field}: „{value}“ ist keiner der Werte, die Campaign erlaubt',
      readFailed: 'Campaign konnte zu diesem Profil nicht befragt werden ({detail})',
      changedSinceRun: '{field} wurde nach dem Lauf in Campaign geändert: nicht rückgängig gemacht',
    },
    warnings: {
      leadingZeroLost: '{field}: „{value}“ hat 4 Ziffern – hat Excel eine führende Null entfernt?',
      eNotation: '{field}: „{value}“ sieht nach einer von Excel gekürzten Zahl aus (E-Schreibweise)',
      replacedCharacter: '{field}: „{value}“ enthält _, wo Excel vielleicht einen Buchstaben ersetzt hat, den es nicht speichern konnte',
    },
    reasons: {
      dateFormat: 'kein Datum wie 31.12.2024 oder 2024-12-31',
      dateInvalid: 'dieses Datum gibt es nicht',
      boolean: 'nicht ja/nein',
      integer: 'keine ganze Zahl',
      number: 'keine Zahl',
      email: 'keine vollständige E-Mail-Adresse',
      cannotClear: 'dieses Feld kann nicht geleert werden',
    },
    change: '{field}: {old} → {new}',
    empty: '(leer)',
  },
};
