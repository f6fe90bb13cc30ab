import { createHash } from 'node:crypto';
import { ageOn, formatDateTime } from './dates';
import { type ApiName, fieldsFor } from './fields';
import type { ProfileRecord } from './profile-store';

export const profileHref = (baseUrl: string, api: ApiName, pkey: string): string => `${baseUrl}/${api}/profile/${pkey}`;

/** A profile as GET answers it under `api`: stored values plus the fields the server computes. */
export function renderProfile(record: ProfileRecord, api: ApiName, baseUrl: string, now: number): Record<string, unknown> {
  const v = record.values;
  const text = (name: string): string => (typeof v[name] === 'string' ? (v[name] as string) : '');
  const email = text('email');
  const name = [text('firstName'), text('lastName')].filter(Boolean).join(' ');
  const href = profileHref(baseUrl, api, record.pkey);
  const derived: Record<string, unknown> = {
    PKey: record.pkey,
    href,
    age: ageOn(text('birthDate'), now),
    created: formatDateTime(record.created),
    lastModified: formatDateTime(record.lastModified),
    domain: email.includes('@') ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : '',
    title: name && email ? `${name} (${email})` : name || email,
    cryptedId: createHash('sha256').update(`crypted/${record.pkey}`).digest('base64').slice(0, 44),
    thumbnail: '/nl/img/thumbnails/defaultProfil.png', // what Campaign shows for profiles without a picture
    subscriptions: { href: `${href}/subscriptions/` },
  };
  const out: Record<string, unknown> = {};
  for (const [field, def] of fieldsFor(api)) out[field] = def.readOnly ? derived[field] : structuredClone(v[field]);
  return out;
}
