import type { AuditEntry, NewAttemptEntry, NewOutcomeEntry, OutcomeEntry } from '../../../main/audit/audit-entry';

/** The save an entry belongs to ('' for a run-level entry). */
export const saveIdOf = (e: AuditEntry): string => (e.phase === 'run' ? '' : e.saveId);

export const connection = { id: 'prod-1', name: 'Produktion DE', environment: 'production' as const, tenant: 'acme' };

export function attempt(saveId: string, pkey = '@abc123'): NewAttemptEntry {
  return {
    phase: 'attempt',
    saveId,
    connection,
    pkey,
    profileName: 'Jörg Müller',
    changes: [{ path: 'phone', old: '030 1', new: '030 2' }],
  };
}

export function outcome(saveId: string, patch: OutcomeEntry['patch'], verification?: OutcomeEntry['verification']): NewOutcomeEntry {
  return { ...attempt(saveId), phase: 'outcome', patch, verification };
}

/**
 * The entries the crash-safety child writes; the parent rebuilds them to tell an intact entry from a damaged
 * one. Every third spans many pages (umlauts included), so a kill can land during a longer write.
 */
export function crashEntry(run: string, i: number): NewAttemptEntry {
  const size = i % 3 === 2 ? 50_000 : 40;
  return {
    phase: 'attempt',
    saveId: `${run}-${i}`,
    connection: { id: 'c1', name: 'Crash test', environment: 'stage', tenant: 't' },
    pkey: `@k${i}`,
    profileName: `Jörg Müller ${i}`,
    changes: [{ path: 'location.address1', old: 'ä'.repeat(size), new: `${'ö'.repeat(size)}${i}` }],
  };
}
