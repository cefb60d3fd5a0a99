/**
 * WCAG 2 contrast between two CSS hex colours, the measure axe-core applies.
 * A colour with an alpha channel is first blended over the colour beneath it,
 * as the browser paints it.
 */

type Rgb = [number, number, number];

/** Parses #rgb, #rrggbb or #rrggbbaa; alpha is returned separately (0–1). */
export function parseHex(hex: string): { rgb: Rgb; alpha: number } {
  let digits = hex.replace(/^#/, '');
  if (digits.length === 3 || digits.length === 4) digits = [...digits].map((d) => d + d).join('');
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(digits)) throw new Error(`not a hex colour: ${hex}`);
  const channel = (i: number) => parseInt(digits.slice(i, i + 2), 16);
  return { rgb: [channel(0), channel(2), channel(4)], alpha: digits.length === 8 ? channel(6) / 255 : 1 };
}

/** `top` painted over the opaque colour `under`, as #rrggbb. */
export function blend(top: string, under: string): string {
  const { rgb, alpha } = parseHex(top);
  const base = parseHex(under).rgb;
  const mixed = rgb.map((c, i) => Math.round(c * alpha + base[i]! * (1 - alpha)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio (1–21) of text colour `fg` on the opaque background `bg`. */
export function contrastRatio(fg: string, bg: string): number {
  const a = relativeLuminance(parseHex(blend(fg, bg)).rgb);
  const b = relativeLuminance(parseHex(bg).rgb);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
