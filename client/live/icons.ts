/**
 * The live screens' icons as inline SVG, because the glyphs ⏸ ⏭ ⏱ 🎲 are empty boxes on a machine
 * without an emoji font (Debian's Chromium). Decorative: hidden from screen readers, the button or
 * line they sit in says the same in words. Drawn in `currentColor` on a 24×24 grid.
 */
const SVG = 'http://www.w3.org/2000/svg';

type Shape = [tag: 'path' | 'rect' | 'circle', attrs: Record<string, string | number>];

const ICONS = {
  play: [['path', { d: 'M7 4v16l13-8z' }]],
  pause: [
    ['rect', { x: 5, y: 4, width: 5, height: 16, rx: 1 }],
    ['rect', { x: 14, y: 4, width: 5, height: 16, rx: 1 }],
  ],
  skip: [
    ['path', { d: 'M4 4v16l11-8z' }],
    ['rect', { x: 16, y: 4, width: 4, height: 16, rx: 1 }],
  ],
  timer: [
    ['circle', { cx: 12, cy: 13, r: 8, fill: 'none', stroke: 'currentColor', 'stroke-width': 2.5 }],
    ['rect', { x: 9, y: 1, width: 6, height: 3, rx: 1 }],
    ['path', { d: 'M11 8h2v6h-2z' }],
  ],
  dice: [
    [
      'rect',
      {
        x: 3,
        y: 3,
        width: 18,
        height: 18,
        rx: 4,
        fill: 'none',
        stroke: 'currentColor',
        'stroke-width': 2.5,
      },
    ],
    ['circle', { cx: 8, cy: 8, r: 1.8 }],
    ['circle', { cx: 12, cy: 12, r: 1.8 }],
    ['circle', { cx: 16, cy: 16, r: 1.8 }],
  ],
} satisfies Record<string, Shape[]>;

export type IconName = keyof typeof ICONS;

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', `live-icon icon-${name}`);
  svg.setAttribute('fill', 'currentColor');
  for (const [tag, attrs] of ICONS[name] as Shape[]) {
    const shape = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, String(v));
    svg.append(shape);
  }
  return svg;
}

/** A text node preceded by an icon, for buttons and status lines. */
export function withIcon(name: IconName, text: string): (Node | string)[] {
  return [icon(name), ` ${text}`];
}
