// @vitest-environment node
/**
 * Date cells must not move by a day in any time zone. Node applies a change of process.env.TZ at once, so each
 * block switches the zone (restored afterwards) and first proves that local getters WOULD shift the day there,
 * so the assertions after it can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate, dateCell, hasTimeOfDay } from '../../../main/spreadsheets/calendar-date';
import { readCsv } from '../../../main/spreadsheets/read-csv';
import { readXlsx } from '../../../main/spreadsheets/read-xlsx';
import { writeTable } from '../../../main/spreadsheets/write-table';
import { LIMITS, workbookOf } from './fixtures';

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

function inTimeZone(tz: string, body: () => void) {
  describe(`in ${tz}`, () => {
    beforeAll(() => {
      process.env.TZ = tz;
    });
    body();
  });
}

inTimeZone('America/New_York', () => {
  it('reads a date cell as the day Excel shows, although local getters say the day before', async () => {
    const table = await readXlsx(await workbookOf([['Geburtsdatum'], [dateCell({ y: 2024, m: 3, d: 31 })]]), { limits: LIMITS });
    const cell = table.rows[0]!.cells[0] as Date;
    expect(cell.getDate()).toBe(30);
    expect(calendarDate(cell)).toEqual({ y: 2024, m: 3, d: 31 });
  });

  it('writes the same day into CSV and xlsx', async () => {
    const table = { headers: ['Geburtsdatum'], rows: [[dateCell({ y: 2024, m: 1, d: 1 })]] };
    const csv = readCsv(await writeTable(table, { format: 'csv', encoding: 'utf8-bom', separator: ';' }, 'de'), LIMITS);
    expect(csv.rows[0]!.cells).toEqual(['01.01.2024']);
    const xlsx = await readXlsx(await writeTable(table, { format: 'xlsx', sheetName: 'Ergebnis' }, 'en'), { limits: LIMITS });
    expect(calendarDate(xlsx.rows[0]!.cells[0] as Date)).toEqual({ y: 2024, m: 1, d: 1 });
  });
});

inTimeZone('Pacific/Auckland', () => {
  it('builds date cells from the calendar day, where a local-midnight Date would be the day before', async () => {
    const localMidnight = new Date(2024, 2, 31);
    expect(calendarDate(localMidnight)).toEqual({ y: 2024, m: 3, d: 30 });
    const table = { headers: ['Stichtag'], rows: [[dateCell({ y: 2024, m: 3, d: 31 })]] };
    const read = await readXlsx(await writeTable(table, { format: 'xlsx', sheetName: 'Ergebnis' }, 'de'), { limits: LIMITS });
    expect(calendarDate(read.rows[0]!.cells[0] as Date)).toEqual({ y: 2024, m: 3, d: 31 });
  });
});

describe('hasTimeOfDay', () => {
  it('tells a date from a date-time by the UTC parts', () => {
    expect(hasTimeOfDay(dateCell({ y: 1950, m: 2, d: 28 }))).toBe(false);
    expect(hasTimeOfDay(new Date(Date.UTC(1950, 1, 28, 0, 0, 1)))).toBe(true);
    expect(hasTimeOfDay(new Date(Date.UTC(2024, 1, 29, 12)))).toBe(true);
  });
});
