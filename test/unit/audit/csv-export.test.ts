import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv, type CsvLabels } from '../../../main/audit/csv-export';
import type { HistoryRow } from '../../../main/model/history';

const labels: CsvLabels = {
  columns: {
    time: 'Zeit',
    osUser: 'Benutzer',
    connection: 'Verbindung',
    environment: 'Umgebung',
    pkey: 'PKey',
    profileName: 'Profil',
    field: 'Feld',
    oldValue: 'Alter Wert',
    newValue: 'Neuer Wert',
    outcome: 'Ergebnis',
    bulkFile: 'Massenänderung aus Datei',
    fileLine: 'Zeile in der Datei',
  },
  environments: { production: 'Produktion', stage: 'Stage' },
  outcomes: { confirmed: 'Bestätigt', different: 'Abweichend', notVerified: 'Nicht geprüft', failed: 'Fehlgeschlagen', unknown: 'Unbekannt' },
};

function row(extra: Partial<HistoryRow>): HistoryRow {
  return {
    saveId: 's',
    time: '2025-03-01T09:05:07.000Z',
    osUser: 'jmueller',
    connection: { id: 'p', name: 'Produktion DE', environment: 'production', tenant: 'acme' },
    pkey: '@abc',
    profileName: 'Jörg Müller',
    changes: [{ path: 'phone', old: '030 1', new: '030 2' }],
    outcome: 'confirmed',
    ...extra,
  };
}

/** A strict reader for exactly the dialect we promise: ';', '"' quoting with doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        }
        cell += text[i];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ';' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        cell += text[i++];
      }
    }
    record.push(cell);
    if (text[i] === ';') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
    } else {
      throw new Error(`expected ';' or CRLF at ${i}`);
    }
  }
}

function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parseCsv(csv.slice(1));
}

const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = originalTz;
});

describe('toCsv', () => {
  it('starts with a BOM, uses the given headers, CRLF line ends and one line per changed field', () => {
    const csv = toCsv([row({ changes: [{ path: 'phone', old: '030 1', new: '030 2' }, { path: 'location.city', old: 'Köln', new: 'Düsseldorf' }] })], labels);
    expect(csv.slice(1).split('\r\n')).toHaveLength(4); // header, two fields, trailing empty
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(parse(csv)).toEqual([
      ['Zeit', 'Benutzer', 'Verbindung', 'Umgebung', 'PKey', 'Profil', 'Feld', 'Alter Wert', 'Neuer Wert', 'Ergebnis', 'Massenänderung aus Datei', 'Zeile in der Datei'],
      ['2025-03-01 10:05:07', 'jmueller', 'Produktion DE', 'Produktion', "'@abc", 'Jörg Müller', 'phone', '030 1', '030 2', 'Bestätigt', '', ''],
      ['2025-03-01 10:05:07', 'jmueller', 'Produktion DE', 'Produktion', "'@abc", 'Jörg Müller', 'location.city', 'Köln', 'Düsseldorf', 'Bestätigt', '', ''],
    ]);
  });

  it('writes local time (summer time included) and translated outcomes and environments', () => {
    const csv = toCsv([row({ time: '2025-07-01T22:30:00.000Z', outcome: 'unknown', connection: { id: 's', name: 'S', environment: 'stage', tenant: 't' } })], labels);
    const line = parse(csv)[1]!;
    expect(line[0]).toBe('2025-07-02 00:30:00');
    expect(line[3]).toBe('Stage');
    expect(line[9]).toBe('Unbekannt');
  });

  it('quotes cells holding the separator, quotes or line breaks, doubling the quotes', () => {
    const csv = toCsv([row({ profileName: 'Müller; "Jörg"', changes: [{ path: 'location.address1', old: 'a\r\nb', new: 'c\nd' }] })], labels);
    expect(csv).toContain(';"Müller; ""Jörg""";');
    const line = parse(csv)[1]!;
    expect(line.slice(5, 9)).toEqual(['Müller; "Jörg"', 'location.address1', 'a\r\nb', 'c\nd']);
  });

  it('leaves plain cells unquoted', () => {
    expect(toCsv([row({})], labels)).toContain('\r\n2025-03-01 10:05:07;jmueller;Produktion DE;');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const dangerous = ['=HYPERLINK("http://x")', '+1+1', '-5', '@SUM(A1)', '\tTab', '\rCR'];
    const changes = dangerous.map((d) => ({ path: 'externalId', old: 'ok', new: d }));
    const lines = parse(toCsv([row({ osUser: '=cmd|calc', changes })], labels)).slice(1);
    expect(lines.map((l) => l[8])).toEqual(dangerous.map((d) => `'${d}`));
    expect(lines[0]![1]).toBe("'=cmd|calc");
    expect(lines[0]![7]).toBe('ok');
    // PKeys start with '@' too: Excel would read them as formulas (#NAME?), so they get the apostrophe as well.
    expect(lines[0]![4]).toBe("'@abc");
  });

  it('writes null as an empty cell and booleans and numbers as text', () => {
    const csv = toCsv([row({ changes: [{ path: 'blackList', old: false, new: true }, { path: 'x', old: null, new: 42 }] })], labels);
    expect(parse(csv).slice(1).map((l) => l.slice(7, 9))).toEqual([
      ['false', 'true'],
      ['', '42'],
    ]);
  });

  it('keeps a save without changes as one line, and an empty history as the header only', () => {
    expect(parse(toCsv([row({ changes: [] })], labels))).toHaveLength(2);
    expect(parse(toCsv([], labels))).toHaveLength(1);
  });

  it('names the file and line of a bulk run\'s row, and leaves both empty for a single save', () => {
    const csv = toCsv(
      [row({ runId: 'r1', line: 12 }), row({ saveId: 't' })],
      labels,
      new Map([['r1', 'Adressen März.xlsx']]),
    );
    const [header, bulk, single] = parse(csv);
    expect(header!.slice(-2)).toEqual(['Massenänderung aus Datei', 'Zeile in der Datei']);
    expect(bulk!.slice(-2)).toEqual(['Adressen März.xlsx', '12']);
    expect(single!.slice(-2)).toEqual(['', '']);
  });
});
