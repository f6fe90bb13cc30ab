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

function fieldType(name: string, m: MetadataField): FieldType | undefined {
  switch (m.type) {
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'enumeration':
      return 'enum';
    case 'long':
    case 'int':
    case 'short':
    case 'byte':
      return 'integer';
    case 'string':
    case 'memo':
      return m.dataPolicy === 'email' || name === 'email' ? 'email' : 'string';
    default:
      return undefined; // links and unknown types are not editable values
  }
}

/** Campaign lists enum values as names or as {name, label} objects; writes take the names. */
function enumValues(values: unknown): { values: string[]; valueLabels?: Record<string, string> } {
  if (!values) return { values: [] };
  const list = Array.isArray(values) ? values : Object.values(values as object);
  const names: string[] = [];
  const labels: Record<string, string> = {};
  for (const v of list) {
    const entry = typeof v === 'string' ? { name: v } : (v as { name?: unknown; value?: unknown; label?: unknown });
    const name = entry?.name ?? (entry as { value?: unknown })?.value;
    if (typeof name !== 'string') continue;
    names.push(name);
    if (typeof (entry as { label?: unknown }).label === 'string') labels[name] = (entry as { label: string }).label;
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
      const readOnly = Boolean(m.readOnly) || name === 'PKey';
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
