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

/**
 * Svelte action for a field's message: when it appears while the operator is in that field, scroll the field
 * (message included) into view, so it never hides under the sticky action bar (html's scroll-padding keeps it clear).
 */
export function revealWhileEditing(node: HTMLElement): void {
  queueMicrotask(() => {
    const field = node.closest('.field');
    if (node.isConnected && field?.contains(document.activeElement)) field.scrollIntoView({ block: 'nearest' });
  });
}

/** "Go to field": focus the field and bring its message (below the input) into view with it. */
export function goToField(path: string): void {
  const id = fieldInputId(path);
  document.getElementById(id)?.focus();
  document.getElementById(`${id}-error`)?.closest('.field')?.scrollIntoView({ block: 'nearest' });
}
