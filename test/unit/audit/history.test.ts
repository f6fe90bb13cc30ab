import { describe, expect, it } from 'vitest';
import { auditEntrySchema, type AuditEntry, type NewAuditEntry } from '../../../main/audit/audit-entry';
import { exportRows, filterRows, historyPage, NO_OUTCOME_NOTE, summarize } from '../../../main/audit/history';
import { attempt, connection, outcome } from './audit-fixtures';

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

describe('bulk runs', () => {
  const file = { name: 'Adressen.xlsx', format: 'xlsx' as const };
  const rowOf = (saveId: string, line: number, pkey: string) => ({ ...attempt(saveId, pkey), runId: 'run-1', line });
  const runEntries: AuditEntry[] = [
    ...entries,
    at('2025-03-02T08:00:00.000Z', { phase: 'run', runId: 'run-1', event: 'started', connection, file, rows: 2 }),
    at('2025-03-02T08:00:01.000Z', rowOf('r2', 2, '@row2')),
    at('2025-03-02T08:00:02.000Z', { ...rowOf('r2', 2, '@row2'), phase: 'outcome', patch: { ok: true, status: 200 }, verification: { status: 'confirmed' } }),
    at('2025-03-02T08:00:03.000Z', rowOf('r3', 3, '@row3')),
    at('2025-03-02T08:00:04.000Z', { ...rowOf('r3', 3, '@row3'), phase: 'outcome', patch: { ok: false, status: 500, errorKind: 'invalidValue' } }),
    at('2025-03-02T08:00:05.000Z', { phase: 'run', runId: 'run-1', event: 'finished', connection, file, rows: 2, counts: { confirmed: 1, failed: 1 } }),
  ];

  it('lists a run once, with its file, state and how its rows ended, and keeps its rows out of the single saves', () => {
    const page = historyPage(runEntries, {});
    expect(page.rows.map((r) => r.saveId)).not.toContain('r2');
    expect(page.rows).toHaveLength(5);
    expect(page.runs).toEqual([
      expect.objectContaining({ runId: 'run-1', file, rows: 2, state: 'finished', finishedAt: '2025-03-02T08:00:05.000Z', outcomes: { confirmed: 1, failed: 1 } }),
    ]);
  });

  it('opens a run to its rows, and finds a run by a PKey one of its rows changed', () => {
    expect(historyPage(runEntries, { runId: 'run-1' }).rows.map((r) => [r.saveId, r.line])).toEqual([['r3', 3], ['r2', 2]]);
    expect(historyPage(runEntries, { pkey: '@row3' }).runs.map((r) => r.runId)).toEqual(['run-1']);
    expect(historyPage(runEntries, { pkey: '@abc123' }).runs).toEqual([]);
    expect(historyPage(runEntries, { to: new Date('2025-03-01T23:00:00.000Z') }).runs).toEqual([]);
  });

  it('exports every save the filter keeps, a run\'s rows included, with the file each run read', () => {
    const all = exportRows(runEntries, {});
    expect(all.rows).toHaveLength(7);
    expect(all.runFiles.get('run-1')).toBe('Adressen.xlsx');
    expect(exportRows(runEntries, { runId: 'run-1' }).rows.map((r) => r.saveId)).toEqual(['r3', 'r2']);
    expect(exportRows(runEntries, { outcome: 'failed' }).rows.map((r) => r.saveId)).toEqual(['r3', 'failed']);
  });

  it('marks a run as undone by the latest run that undid it, complete only when every row was confirmed', () => {
    const undo = (runId: string, time: string, confirmed: number) => [
      at(time, { phase: 'run', runId, event: 'started', connection, file: { name: 'Rückgängig: Adressen.xlsx', format: 'undo' }, undoOf: 'run-1', rows: 2 }),
      ...['a', 'b'].slice(0, confirmed).flatMap((k) => [
        at(time, { ...attempt(`${runId}-${k}`), runId, line: 2 }),
        at(time, { ...attempt(`${runId}-${k}`), runId, line: 2, phase: 'outcome' as const, patch: { ok: true }, verification: { status: 'confirmed' as const } }),
      ]),
      at(time, { phase: 'run', runId, event: 'finished', connection, file: { name: 'x', format: 'undo' }, undoOf: 'run-1', rows: 2 }),
    ];
    const partly = historyPage([...runEntries, ...undo('u1', '2025-03-03T08:00:00.000Z', 1)], {}).runs.find((r) => r.runId === 'run-1');
    expect(partly?.undoneBy).toEqual({ runId: 'u1', time: '2025-03-03T08:00:00.000Z', complete: false });
    const whole = historyPage([...runEntries, ...undo('u1', '2025-03-03T08:00:00.000Z', 1), ...undo('u2', '2025-03-04T08:00:00.000Z', 2)], {});
    expect(whole.runs.find((r) => r.runId === 'run-1')?.undoneBy).toMatchObject({ runId: 'u2', complete: true });
    expect(whole.runs.find((r) => r.runId === 'u2')?.undoneBy).toBeUndefined();
  });
});
