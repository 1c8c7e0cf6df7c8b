/**
 * Colours and type. Okabe–Ito colour-blind-safe hues; every meaning carried by a colour is also
 * carried by a shape, a dash or a hatch (see heap views). Text colours keep ≥ 4.5:1 contrast on
 * their backgrounds. Pure data: no Phaser, no DOM.
 */
const OKABE_ITO = {
  black: 0x000000,
  orange: 0xe69f00,
  sky: 0x56b4e9,
  green: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  purple: 0xcc79a7,
} as const;

export interface Theme {
  name: 'light' | 'dark';
  background: number;
  panel: number;
  panelStroke: number;
  text: number;
  textMuted: number;
  /** Per kind: the card fill tint and its outline. */
  list: { fill: number; stroke: number };
  dict: { fill: number; stroke: number };
  instance: { fill: number; stroke: number };
  weakref: { fill: number; stroke: number };
  arrow: number;
  weakArrow: number;
  selected: number;
  garbage: { fill: number; hatch: number };
  gc: { reachable: number; tentative: number; rescued: number; freed: number };
  button: { fill: number; stroke: number; text: number; focus: number };
}

const LIGHT: Theme = {
  name: 'light',
  background: 0xf7f5ef,
  panel: 0xffffff,
  panelStroke: 0x5b5b5b,
  text: 0x1a1a1a,
  textMuted: 0x4a4a4a,
  list: { fill: 0xdcefff, stroke: OKABE_ITO.blue },
  dict: { fill: 0xfff0cc, stroke: 0x9a6a00 },
  instance: { fill: 0xd9f2e9, stroke: 0x00684c },
  weakref: { fill: 0xf6e1ec, stroke: 0x9c4a78 },
  arrow: 0x1a1a1a,
  weakArrow: 0x9c4a78,
  selected: OKABE_ITO.vermillion,
  garbage: { fill: 0xe8e0d8, hatch: OKABE_ITO.vermillion },
  gc: {
    reachable: OKABE_ITO.green,
    tentative: OKABE_ITO.orange,
    rescued: OKABE_ITO.sky,
    freed: OKABE_ITO.vermillion,
  },
  button: { fill: 0x0072b2, stroke: 0x004a75, text: 0xffffff, focus: OKABE_ITO.vermillion },
};

const DARK: Theme = {
  name: 'dark',
  background: 0x14161a,
  panel: 0x22262d,
  panelStroke: 0xb8b8b8,
  text: 0xf2f2f2,
  textMuted: 0xc8c8c8,
  list: { fill: 0x12324a, stroke: OKABE_ITO.sky },
  dict: { fill: 0x3d3110, stroke: OKABE_ITO.orange },
  instance: { fill: 0x0f3a2e, stroke: 0x3fc9a0 },
  weakref: { fill: 0x3e2032, stroke: OKABE_ITO.purple },
  arrow: 0xf2f2f2,
  weakArrow: OKABE_ITO.purple,
  selected: OKABE_ITO.yellow,
  garbage: { fill: 0x3a2a22, hatch: OKABE_ITO.vermillion },
  gc: {
    reachable: OKABE_ITO.green,
    tentative: OKABE_ITO.orange,
    rescued: OKABE_ITO.sky,
    freed: OKABE_ITO.vermillion,
  },
  button: { fill: 0x56b4e9, stroke: 0xa8d8f5, text: 0x0b1a26, focus: OKABE_ITO.yellow },
};

export const FONT_UI = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';
export const FONT_CODE =
  'ui-monospace, "DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace';

/** `0x1a1a1a` → `#1a1a1a` for Phaser text styles and CSS. */
export function css(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

export function themeByName(name: 'light' | 'dark'): Theme {
  return name === 'dark' ? DARK : LIGHT;
}

/**
 * Heap text is drawn at twice the device's density so it stays sharp when the camera zooms in
 * (projectors) and on high-density phones.
 */
export const TEXT_RESOLUTION = Math.min(
  6,
  2 * Math.max(1, typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1),
);
