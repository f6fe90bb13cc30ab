// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { quitQuestion } from '../../../main/app/quit-question';
import type { BulkRun } from '../../../main/model/bulk';

const run = (state: BulkRun['state']): BulkRun => ({
  runId: 'r1',
  previewId: 'p1',
  file: { name: 'Umzüge März.xlsx', format: 'xlsx' },
  connection: { id: 'c', name: 'Produktion DE', environment: 'production', tenant: 't' },
  state,
  counts: { total: 300, done: 120, left: 180, errors: 0, byOutcome: {} },
  rate: { target: 5, current: 5 },
  startedAt: '2026-11-30T10:00:00.000Z',
  osUser: 'anna',
});

describe('closing while a bulk change runs', () => {
  it('asks while rows are being sent, naming the file and how far it got; keeping the app open is the default', () => {
    const q = quitQuestion([run('running')], 'de')!;
    expect(q.message).toBe('Eine Massenänderung läuft noch.');
    expect(q.detail).toContain('Umzüge März.xlsx: 120 von 300 Profilen erledigt.');
    expect(q.buttons).toEqual(['Weiterarbeiten', 'Schließen und später fortsetzen']);
    expect([q.defaultId, q.cancelId]).toEqual([0, 0]);
    expect(quitQuestion([run('waitingForNetwork')], 'en')!.detail).toContain('120 of 300 profiles done');
  });

  it('does not ask when nothing is being sent', () => {
    expect(quitQuestion([], 'de')).toBeNull();
    for (const state of ['paused', 'finished', 'stopped', 'interrupted', 'failed'] as const) expect(quitQuestion([run(state)], 'en')).toBeNull();
  });
});
