import { describe, expect, it } from 'vitest';
import { auditEntrySchema, type AuditEntry, type NewAuditEntry } from '../../../main/audit/audit-entry';
import { filterRows, NO_OUTCOME_NOTE, summarize } from '../../../main/audit/history';
import { attempt, outcome } from './audit-fixtures';

let seq = 0;
/** Stamps entries the way the log would, at the given time (and checks them against the schema). */
function at(time: string, entry: NewAuditEntry, osUser = 'jmueller'): AuditEntry {
  return auditEntrySchema.parse({ ...entry, id: `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`, time, osUser });
}

const entries: AuditEntry[] = [
  at('2025-03-01T09:00:00.000Z', attempt('confirmed')),
  at('2025-03-01T09:00:01.000Z', outcome('confirmed', { ok: true, status: 200 }, { status: 'confirmed' })),
  at('2025-03-01T10:00:00.000Z', attempt('failed', '@other')),
  at('2025-03-01T10:00:01.000Z', outcome('failed', { ok: false, status: 500, errorKind: 'invalidValue', message: 'RST-360011 bad enum' })),
  at('2025-03-01T11:00:00.000Z', attempt('crashed')),
  at('2025-03-01T12:00:00.000Z', attempt('unverified')),
  at('2025-03-01T12:00:01.000Z', outcome('unverified', { ok: true, status: 200 })),
  at('2025-03-01T13:00:00.000Z', attempt('differs')),
  at('2025-03-01T13:00:01.000Z', outcome('differs', { ok: true, status: 200 }, { status: 'different' })),
];

describe('summarize', () => {
  it('gives one row per save, newest first, each with its outcome', () => {
    const rows = summarize(entries);
    expect(rows.map((r) => [r.saveId, r.outcome])).toEqual([
      ['differs', 'different'],
      ['unverified', 'notVerified'],
      ['crashed', 'unknown'],
      ['failed', 'failed'],
      ['confirmed', 'confirmed'],
    ]);
  });

  it('dates a row by its attempt and keeps who, where and what changed', () => {
    const row = summarize(entries).find((r) => r.saveId === 'confirmed')!;
    expect(row).toMatchObject({
      time: '2025-03-01T09:00:00.000Z',
      osUser: 'jmueller',
      connection: { id: 'prod-1', environment: 'production' },
      pkey: '@abc123',
      changes: [{ path: 'phone', old: '030 1', new: '030 2' }],
    });
  });

  it('says why a save failed, and that a save without outcome may have been interrupted', () => {
    const rows = summarize(entries);
    expect(rows.find((r) => r.saveId === 'failed')).toMatchObject({ note: 'RST-360011 bad enum', status: 500, errorKind: 'invalidValue' });
    expect(rows.find((r) => r.saveId === 'crashed')?.note).toBe(NO_OUTCOME_NOTE);
  });

  it('lets a later outcome (a repeated verification) supersede an earlier one', () => {
    const later = at('2025-03-01T12:05:00.000Z', outcome('unverified', { ok: true, status: 200 }, { status: 'confirmed' }));
    expect(summarize([...entries, later]).find((r) => r.saveId === 'unverified')?.outcome).toBe('confirmed');
  });

  it('still shows a save whose attempt line was lost', () => {
    const rows = summarize([at('2025-03-02T08:00:00.000Z', outcome('orphan', { ok: true }, { status: 'confirmed' }))]);
    expect(rows).toMatchObject([{ saveId: 'orphan', outcome: 'confirmed', time: '2025-03-02T08:00:00.000Z' }]);
  });

  it('carries the link to the save an undo reverses', () => {
    const undo = at('2025-03-03T08:00:00.000Z', { ...attempt('undo-1'), undoOf: 'confirmed' });
    expect(summarize([undo])[0]?.undoOf).toBe('confirmed');
  });
});

describe('filterRows', () => {
  const rows = summarize([...entries, at('2025-03-01T14:00:00.000Z', { ...attempt('stage'), connection: { id: 'stage-1', name: 'Stage', environment: 'stage', tenant: 'acme-mkt-stage1' } })]);
  const ids = (r: ReturnType<typeof summarize>) => r.map((x) => x.saveId);

  it('filters by PKey (trimmed), connection and outcome', () => {
    expect(ids(filterRows(rows, { pkey: ' @other ' }))).toEqual(['failed']);
    expect(ids(filterRows(rows, { connectionId: 'stage-1' }))).toEqual(['stage']);
    expect(ids(filterRows(rows, { outcome: 'unknown' }))).toEqual(['stage', 'crashed']);
  });

  it('filters by time, both bounds inclusive', () => {
    expect(ids(filterRows(rows, { from: new Date('2025-03-01T10:00:00.000Z'), to: new Date('2025-03-01T12:00:00.000Z') }))).toEqual([
      'unverified',
      'crashed',
      'failed',
    ]);
  });

  it('combines criteria and returns everything for an empty filter', () => {
    expect(filterRows(rows, {})).toHaveLength(rows.length);
    expect(ids(filterRows(rows, { connectionId: 'prod-1', outcome: 'failed', pkey: '@abc123' }))).toEqual([]);
  });
});
