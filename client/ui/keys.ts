/**
 * Keyboard input for canvas scenes. A window listener (not Phaser's key captures, which would
 * swallow typing in the console) that ignores keys aimed at form fields and DOM buttons.
 */
export type KeyHandler = (event: KeyboardEvent) => boolean | void;

/** Typing in a field is never a game key; a focused DOM button keeps only Enter, Space and Tab. */
function fromFormField(event: KeyboardEvent): boolean {
  const el = event.target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'button') return event.key === 'Enter' || event.key === ' ' || event.key === 'Tab';
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable;
}

/** Listen until the returned function is called. A handler returning true prevents the default. */
export function listenKeys(handler: KeyHandler): () => void {
  const listener = (event: KeyboardEvent): void => {
    if (fromFormField(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (handler(event) === true) event.preventDefault();
  };
  window.addEventListener('keydown', listener);
  return () => window.removeEventListener('keydown', listener);
}
