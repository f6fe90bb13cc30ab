// @vitest-environment node
/**
 * A birth date must not move by a day in any time zone. exceljs gives an xlsx date cell as a Date at UTC
 * midnight of the day Excel shows (Date.UTC, see calendar-date.ts), never at local midnight. Node applies a
 * change of process.env.TZ at once, so each block switches the zone (restored afterwards) and first proves
 * that local getters WOULD give another day there, so the assertions after it can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCellConverter } from '../../../main/bulk/convert-cell';
import { field } from './fields';

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

const birthDate = makeCellConverter(field('birthDate'), { clearWhenEmpty: false });
const asText = makeCellConverter(field('cusCustomerNumber'), { clearWhenEmpty: false });
const value = (v: string) => ({ kind: 'value', value: v, warnings: [] });

function inTimeZone(tz: string, body: () => void) {
  describe(`in ${tz}`, () => {
    beforeAll(() => {
      process.env.TZ = tz;
    });
    body();
  });
}

inTimeZone('America/Los_Angeles', () => {
  it('converts an xlsx date cell (UTC midnight) to the day Excel shows, although local getters say the day before', () => {
    const cell = new Date(Date.UTC(2024, 2, 31));
    expect(cell.getDate()).toBe(30);
    expect(birthDate(cell)).toEqual(value('2024-03-31'));
    expect(asText(cell)).toEqual(value('2024-03-31'));
  });

  it('keeps the first of January in its year', () => {
    const cell = new Date(Date.UTC(2000, 0, 1));
    expect(cell.getFullYear()).toBe(1999);
    expect(birthDate(cell)).toEqual(value('2000-01-01'));
  });
});

inTimeZone('Pacific/Auckland', () => {
  it('converts an xlsx date cell to the same day east of Greenwich', () => {
    expect(birthDate(new Date(Date.UTC(2024, 2, 31)))).toEqual(value('2024-03-31'));
    expect(birthDate(new Date(Date.UTC(2024, 11, 31, 23, 59)))).toEqual(value('2024-12-31'));
  });

  it('reads the UTC parts, not local ones: a Date made at local midnight (which exceljs never gives) is the day before here', () => {
    const localMidnight = new Date(2024, 2, 31);
    expect(localMidnight.getDate()).toBe(31);
    expect(localMidnight.getUTCDate()).toBe(30);
    expect(birthDate(localMidnight)).toEqual(value('2024-03-30'));
  });
});
