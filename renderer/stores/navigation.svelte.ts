/** Which screen is shown, and a one-off message for it. Every other store builds on this one. */
import type { MessageKey, Params } from '../lib/i18n/i18n.svelte';

export type Screen = 'connect' | 'find' | 'edit' | 'review' | 'conflict' | 'result' | 'history' | 'bulk';

export interface Notice {
  key: MessageKey;
  params?: Params;
}

class Navigation {
  screen = $state<Screen>('connect');
  /** A one-off message for the screen that is shown next (e.g. "Connected to …"). */
  notice = $state.raw<Notice | null>(null);
  /** Where "Back" on the history screen returns to. */
  private beforeHistory: Screen = 'connect';

  go(screen: Screen, notice: Notice | null = null): void {
    this.notice = notice;
    this.screen = screen;
  }

  openHistory(): void {
    if (this.screen !== 'history') this.beforeHistory = this.screen;
    this.go('history');
  }

  closeHistory(): void {
    this.go(this.beforeHistory === 'history' ? 'connect' : this.beforeHistory);
  }
}

export const navigation = new Navigation();
