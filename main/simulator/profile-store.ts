import { type ProfileValues, blankValues } from './fields';
import { pkeyFor } from './pkey';

export interface ProfileRecord {
  pkey: string;
  values: ProfileValues; // writable fields only, `location` as a nested object
  created: number;
  lastModified: number;
}

type Normalizer = (value: unknown) => unknown;

/** The profiles, in creation order, with Campaign's write behaviour: normalize, merge, bump lastModified. */
export class ProfileStore {
  private readonly records = new Map<string, ProfileRecord>();
  private readonly normalizers = new Map<string, Normalizer>();
  private created: number;

  constructor(seed: ProfileRecord[]) {
    for (const record of seed) this.records.set(record.pkey, record);
    this.created = seed.length;
  }

  all(): ProfileRecord[] {
    return [...this.records.values()];
  }

  get(pkey: string): ProfileRecord | undefined {
    return this.records.get(pkey);
  }

  /** `field` is a top-level name or `location.<sub>`; null removes the normalizer. */
  setNormalizer(field: string, fn: Normalizer | null): void {
    if (fn) this.normalizers.set(field, fn);
    else this.normalizers.delete(field);
  }

  create(values: ProfileValues, now: number): ProfileRecord {
    const record: ProfileRecord = { pkey: pkeyFor(this.created++), values: blankValues(), created: now, lastModified: now };
    this.merge(record.values, values);
    this.records.set(record.pkey, record);
    return record;
  }

  update(pkey: string, patch: ProfileValues, now: number): ProfileRecord | undefined {
    const record = this.records.get(pkey);
    if (!record) return undefined;
    this.merge(record.values, patch);
    record.lastModified = Math.max(now, record.lastModified + 1); // strictly later, even within one millisecond
    return record;
  }

  remove(pkey: string): boolean {
    return this.records.delete(pkey);
  }

  /** Nested objects (location) merge field by field, as Campaign accepts a partial location. */
  private merge(target: ProfileValues, patch: ProfileValues, prefix = ''): void {
    for (const [name, value] of Object.entries(patch)) {
      if (typeof value === 'object' && value !== null) this.merge(target[name] as ProfileValues, value as ProfileValues, `${prefix}${name}.`);
      else target[name] = this.normalize(`${prefix}${name}`, value);
    }
  }

  private normalize(field: string, value: unknown): unknown {
    const fn = this.normalizers.get(field);
    return fn ? fn(value) : value;
  }
}
