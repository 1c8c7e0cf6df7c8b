/**
 * The aria-live narration: every change the player causes is said in words. Lines go to the
 * visible "What happened" log when the puzzle screen shows it, and always to the polite live
 * region for screen readers. Text only (textContent), never HTML.
 */
const MAX_LINES = 60;

export function say(lines: string | string[]): void {
  const all = Array.isArray(lines) ? lines : [lines];
  if (all.length === 0) return;
  const log = document.getElementById('narration-log');
  if (log) {
    for (const line of all) {
      const li = document.createElement('li');
      li.textContent = line;
      log.append(li);
    }
    while (log.childElementCount > MAX_LINES) log.firstElementChild?.remove();
    log.scrollTop = log.scrollHeight;
  }
  const live = document.getElementById('live');
  if (live) live.textContent = all.join(' ');
}

export function clearNarration(): void {
  const log = document.getElementById('narration-log');
  if (log) log.replaceChildren();
}
