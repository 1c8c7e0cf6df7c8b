/** Tiny DOM helpers. Text goes in through textContent only: user and puzzle strings are never HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Fill `parent` with text where `backticked` spans become <code> elements. */
export function richText(parent: HTMLElement, text: string): void {
  parent.replaceChildren();
  text.split('`').forEach((part, i) => {
    if (part === '') return;
    parent.append(i % 2 === 1 ? el('code', {}, part) : document.createTextNode(part));
  });
}

export function button(
  id: string,
  label: string,
  onClick: () => void,
  opts: { secondary?: boolean; title?: string } = {},
): HTMLButtonElement {
  const b = el('button', { type: 'button', 'data-tool': id }, label);
  if (opts.secondary) b.classList.add('secondary');
  if (opts.title) b.title = opts.title;
  b.addEventListener('click', onClick);
  return b;
}
