/** A Campaign profile as the app works with it: field definitions from Campaign's metadata, flat values. */

export type FieldValue = string | boolean | number | null;
/** integer: whole numbers (long, int, int64, …); number: decimals (double, float, number). */
export type FieldType = 'string' | 'email' | 'date' | 'datetime' | 'enum' | 'boolean' | 'integer' | 'number';
export type FieldGroup = 'person' | 'contact' | 'address' | 'preferences' | 'optOuts' | 'custom' | 'system';

/** One editable (or locked) field of a profile; `path` is dotted for nested fields ("location.city"). */
export interface FieldDef {
  path: string;
  type: FieldType;
  group: FieldGroup;
  /** Campaign's own label, used when the app has no translation for this field. */
  label: string;
  maxLength?: number;
  /**
   * The enum names Campaign accepts in writes. An enum whose metadata lists no readable value has `[]`:
   * the form then offers a text field, never a list with one choice.
   */
  values?: string[];
  /** Campaign's labels of enum values, where it gives them (custom enums have no app translation). */
  valueLabels?: Record<string, string>;
  readOnly: boolean;
}

export interface LoadedProfile {
  connectionId: string;
  pkey: string;
  displayName: string;
  fields: FieldDef[];
  /** Flattened values keyed by FieldDef.path. */
  values: Record<string, FieldValue>;
}

/** One line of a search result: enough to tell people with the same name or email apart. */
export interface ProfileHit {
  pkey: string;
  name: string;
  email: string;
  city: string;
  lastModified: string;
}

/** How a query was understood: a profile key, an email address, or the start of a last name or email. */
export const findKinds = ['pkey', 'email', 'text'] as const;
export type FindKind = (typeof findKinds)[number];

export interface FindResult {
  kind: FindKind;
  hits: ProfileHit[];
  /** Opaque: pass it back to get the next page; absent on the last page. */
  next?: string;
}

export interface ConnectionRef {
  connectionId: string;
}
export interface ProfileRef extends ConnectionRef {
  pkey: string;
}
export interface FindRequest extends ConnectionRef {
  query: string;
}
export interface FindMoreRequest extends ConnectionRef {
  /** The server's own link; main follows it only under the connection's base address. */
  next: string;
  kind: FindKind;
}
