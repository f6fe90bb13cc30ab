/** Svelte action: move focus to a screen's heading when the screen appears, so screen readers announce it. */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => {
    if (node.isConnected) node.focus();
  });
}

/** The id of a profile field's input, shared by the field and "Go to field" links. */
export function fieldInputId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
