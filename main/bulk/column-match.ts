/**
 * Which spreadsheet column writes which profile field, suggested from the headers so that an operator with
 * "PLZ", "Straße" and "E-Mail" in row 1 only has to confirm. A suggestion is never applied unseen: the
 * operator confirms it, and main remembers the confirmed mapping by the file's headerSignature.
 */
import { createHash } from 'node:crypto';
import type { BulkMapping, ColumnMapping, MappingSuggestion, MatchSource, RowIdentity } from '../model/bulk';
import { isLocked } from '../model/changes';
import { fieldLabels } from '../model/field-labels';
import type { FieldDef } from '../model/profile';

/**
 * Headings operators put over their own columns, beyond the field names and the app's labels (those are
 * matched anyway). Found like the app's labels, so they count as 'appLabel'.
 */
const HEADINGS: Readonly<Record<string, readonly string[]>> = {
  PKey: ['Profile key', 'PKey'],
  email: ['Mail', 'E-Mail-Adresse', 'Email address', 'Mailadresse'],
  firstName: ['First name', 'Vorname'],
  lastName: ['Last name', 'Surname', 'Familienname'],
  phone: ['Tel', 'Telefonnummer', 'Phone number'],
  mobilePhone: ['Handy', 'Mobil', 'Mobile', 'Handynummer', 'Mobilnummer', 'Mobile number'],
  salutation: ['Anrede'],
  birthDate: ['Geburtsdatum', 'Geburtstag', 'Date of birth', 'Birthday'],
  'location.zipCode': ['PLZ', 'Postleitzahl', 'ZIP', 'ZIP code', 'Postcode', 'Postal code'],
  'location.address1': ['Straße', 'Street', 'Straße und Hausnummer', 'Street address'],
  'location.city': ['Ort', 'Stadt', 'City', 'Wohnort', 'Town'],
  'location.countryCode': ['Land', 'Country', 'Ländercode', 'Country code'],
};

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * A heading reduced to what tells headings apart: lower case, umlauts spelt out (Straße = STRASSE), accents
 * dropped, and no spaces, hyphens, underscores, dots or other punctuation ("E-Mail" = "email", "Land (Code)" =
 * "landcode").
 */
function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => UMLAUTS[c] ?? c)
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The same headers in the same order give the same signature, whatever their case or spacing. */
export function headerSignature(headers: readonly string[]): string {
  const parts = headers.map((h) => h.normalize('NFC').toLowerCase().replace(/\s+/g, ''));
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Whether a mapping can be used for a file with columnCount columns and these fields: every index in range
 * and used once, every field known and writable, and no field written by two columns.
 */
export function mappingFits(mapping: BulkMapping, columnCount: number, fields: readonly FieldDef[]): boolean {
  const inRange = (c: number) => Number.isInteger(c) && c >= 0 && c < columnCount;
  if (!inRange(mapping.identity.column)) return false;
  const writable = new Set(fields.filter((f) => !isLocked(f)).map((f) => f.path));
  const columns = new Set<number>();
  const targets = new Set<string>();
  for (const { column, field } of mapping.columns) {
    if (!inRange(column) || columns.has(column)) return false;
    columns.add(column);
    if (field === null) continue;
    if (!writable.has(field) || targets.has(field)) return false;
    targets.add(field);
  }
  return true;
}

const RANK: Readonly<Record<MatchSource, number>> = { remembered: 0, apiName: 1, appLabel: 2, campaignLabel: 3 };

/** One way a column could be used: for a field path, or 'PKey' for the identity. */
interface Candidate {
  column: number;
  target: string;
  source: MatchSource;
  /** Ties between fields go to the one listed first. */
  order: number;
}

/** The folded names a target is known by, each with how sure a match by it is (the surest source kept). */
function namesOf(path: string, campaignLabel: string | undefined): Map<string, MatchSource> {
  const names = new Map<string, MatchSource>();
  const add = (text: string | undefined, source: MatchSource) => {
    const key = text === undefined ? '' : fold(text);
    if (key !== '' && !names.has(key)) names.set(key, source);
  };
  add(path, 'apiName');
  add(path.slice(path.lastIndexOf('.') + 1), 'apiName');
  for (const labels of [fieldLabels.de, fieldLabels.en] as ReadonlyArray<Readonly<Record<string, string>>>) add(labels[path], 'appLabel');
  for (const heading of HEADINGS[path] ?? []) add(heading, 'appLabel');
  add(campaignLabel, 'campaignLabel');
  return names;
}

const byRank = (a: Candidate, b: Candidate) => RANK[a.source] - RANK[b.source] || a.column - b.column || a.order - b.order;

function candidates(folded: readonly string[], target: string, campaignLabel: string | undefined, order: number): Candidate[] {
  const names = namesOf(target, campaignLabel);
  const found: Candidate[] = [];
  folded.forEach((key, column) => {
    const source = names.get(key);
    if (source !== undefined) found.push({ column, target, source, order });
  });
  return found;
}

export function suggestMapping(headers: readonly string[], fields: readonly FieldDef[], remembered?: BulkMapping): MappingSuggestion {
  if (remembered && mappingFits(remembered, headers.length, fields)) return fromRemembered(remembered, headers.length);

  const folded = headers.map(fold);
  const labelOf = (path: string) => fields.find((f) => f.path === path)?.label;
  // The identity: a profile key column, else an email column (email is how operators' own lists name people).
  const [byKey] = candidates(folded, 'PKey', labelOf('PKey'), 0).sort(byRank);
  const [byEmail] = candidates(folded, 'email', labelOf('email'), 0).sort(byRank);
  const identityMatch = byKey ?? byEmail;
  // Without one, column 0 stands in until the operator chooses (identityFound: false).
  const identity: RowIdentity = { by: byKey || !byEmail ? 'pkey' : 'email', column: identityMatch?.column ?? 0 };

  const sources: Record<number, MatchSource> = {};
  const fieldOf = new Map<number, string>();
  if (identityMatch) sources[identityMatch.column] = identityMatch.source;
  // Best source first, then the first column: each field takes one column, each column one field.
  const all = fields
    .filter((f) => !isLocked(f))
    .flatMap((f, order) => candidates(folded, f.path, f.label, order))
    .filter((c) => c.column !== identityMatch?.column)
    .sort(byRank);
  const taken = new Set<string>();
  for (const c of all) {
    if (fieldOf.has(c.column) || taken.has(c.target)) continue;
    fieldOf.set(c.column, c.target);
    taken.add(c.target);
    sources[c.column] = c.source;
  }

  const columns = headers.map((_, column): ColumnMapping => ({ column, field: fieldOf.get(column) ?? null, clearWhenEmpty: false }));
  return { mapping: { identity, columns }, sources, identityFound: identityMatch !== undefined };
}

/** The operator's earlier choice, one entry per column in order (columns it did not list are ignored). */
function fromRemembered(remembered: BulkMapping, columnCount: number): MappingSuggestion {
  const sources: Record<number, MatchSource> = { [remembered.identity.column]: 'remembered' };
  const columns = Array.from({ length: columnCount }, (_, column): ColumnMapping => {
    const kept = remembered.columns.find((c) => c.column === column);
    if (!kept || kept.field === null) return { column, field: null, clearWhenEmpty: false };
    sources[column] = 'remembered';
    return { column, field: kept.field, clearWhenEmpty: kept.clearWhenEmpty };
  });
  return { mapping: { identity: { ...remembered.identity }, columns }, sources, identityFound: true };
}
