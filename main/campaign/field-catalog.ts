import type { FieldDef, FieldGroup, FieldType, FieldValue } from '../model/profile';
import type { MetadataField, RawProfile, ResourceMetadata } from './client';
import { isFieldValue } from '../model/values';

// Groups for the standard fields; anything else lands in "person", cus* in "custom", read-only in "system".
const GROUP_OF: Record<string, FieldGroup> = {
  salutation: 'person', firstName: 'person', middleName: 'person', lastName: 'person', birthDate: 'person', gender: 'person',
  email: 'contact', phone: 'contact', mobilePhone: 'contact', fax: 'contact', emailFormat: 'contact',
  preferredLanguage: 'preferences', timeZone: 'preferences', externalId: 'preferences',
};
// Derived or structural fields an operator never needs to see in the form.
const HIDDEN = new Set(['href', 'subscriptions', 'thumbnail', 'cryptedId']);
// Set by Campaign itself, whatever the metadata says (created/lastModified may come as plain strings).
const SERVER_SET = new Set(['PKey', 'created', 'lastModified']);
// Campaign's own names (long, int64…) and the generic ones other describers use.
const INTEGER_TYPES = new Set(['long', 'int', 'short', 'byte', 'int8', 'int16', 'int32', 'int64', 'integer']);
const DECIMAL_TYPES = new Set(['double', 'float', 'number', 'decimal', 'real']);

function fieldType(name: string, m: MetadataField): FieldType | undefined {
  const type = typeof m.type === 'string' ? m.type.toLowerCase() : '';
  if (INTEGER_TYPES.has(type)) return 'integer';
  if (DECIMAL_TYPES.has(type)) return 'number';
  switch (type) {
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'enumeration':
      return 'enum';
    case 'string':
    case 'memo':
      return m.dataPolicy === 'email' || name === 'email' ? 'email' : 'string';
    default:
      return undefined; // links and unknown types are not editable values
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * One listed enum value as { write name, label }. In a list an entry is the name itself, {name, label} or
 * {value: name, label}; in an object keyed by name ({"male": {label, value: 1}}) the key is the name and the
 * entry's numeric value is Campaign's internal code, which writes never take.
 */
function enumEntry(entry: unknown, key?: string): { name: string; label?: string } | undefined {
  // A bare string is the name in a list, the label in a keyed object.
  const fields = typeof entry === 'string' ? (key === undefined ? { name: entry } : { label: entry }) : entry;
  if (!isRecord(fields)) return undefined;
  const name = text(fields.name) ?? text(fields.value) ?? text(key);
  return name ? { name, label: text(fields.label) } : undefined;
}

/** The enum names Campaign accepts, with their labels; [] when none can be read (the form offers a text field). */
function enumValues(values: unknown): { values: string[]; valueLabels?: Record<string, string> } {
  const listed = Array.isArray(values)
    ? values.map((v) => enumEntry(v))
    : isRecord(values) ? Object.entries(values).map(([key, v]) => enumEntry(v, key)) : [];
  const names: string[] = [];
  const labels: Record<string, string> = {};
  for (const entry of listed) {
    if (!entry || names.includes(entry.name)) continue;
    names.push(entry.name);
    if (entry.label) labels[entry.name] = entry.label;
  }
  return Object.keys(labels).length > 0 ? { values: names, valueLabels: labels } : { values: names };
}

function groupOf(path: string, top: string, readOnly: boolean): FieldGroup {
  if (readOnly) return 'system';
  if (top.startsWith('cus')) return 'custom';
  if (top === 'location') return 'address';
  if (top.startsWith('blackList')) return 'optOuts';
  return GROUP_OF[path] ?? 'person';
}

/** The edit form's fields, built from Campaign's own description of the profile resource. */
export function fieldsFromMetadata(meta: ResourceMetadata): FieldDef[] {
  const out: FieldDef[] = [];
  const visit = (entries: Record<string, MetadataField>, prefix: string, top?: string) => {
    for (const [key, m] of Object.entries(entries)) {
      const name = m.apiName ?? key;
      if (HIDDEN.has(name)) continue;
      const path = prefix ? `${prefix}.${name}` : name;
      if (m.content && typeof m.content === 'object') {
        visit(m.content, path, name);
        continue;
      }
      const type = fieldType(name, m);
      if (!type) continue;
      const readOnly = Boolean(m.readOnly) || SERVER_SET.has(name);
      out.push({
        path,
        type,
        group: groupOf(path, top ?? name, readOnly),
        label: m.label ?? name,
        ...(typeof m.length === 'number' && m.length > 0 ? { maxLength: m.length } : {}),
        ...(type === 'enum' ? enumValues(m.values) : {}),
        readOnly,
      });
    }
  };
  visit(meta.content, '');
  return out;
}

/** The profile's values keyed by field path ("location.city"), as the form edits them. */
export function flattenProfile(profile: RawProfile, fields: FieldDef[]): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const f of fields) {
    const v = readPath(profile, f.path);
    values[f.path] = isFieldValue(v) ? v : null;
  }
  return values;
}

export function readPath(obj: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

export function displayName(profile: RawProfile): string {
  const name = [profile.firstName, profile.lastName].filter((s) => typeof s === 'string' && s).join(' ');
  return name || (typeof profile.email === 'string' && profile.email) || profile.PKey;
}
