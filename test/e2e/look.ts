/** A screenshot to look at, and axe-core on the same screen: serious or critical findings fail the test. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Locale } from '../../main/model/connection';
import { expect, screenshot } from './harness';

export async function look(page: Page, locale: Locale, name: string): Promise<void> {
  await screenshot(page, locale, name);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${locale}-${name}`).toEqual([]);
}
