/** Roughly fits text into a width in SVG (which does not truncate): CJK characters count a full em, others about half. */
export function fitText(text: string, widthPx: number, fontPx: number): string {
  let used = 0;
  let out = '';
  for (const char of text) {
    used += (/[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 1 : 0.56) * fontPx;
    if (used > widthPx) return `${out.trimEnd()}…`;
    out += char;
  }
  return out;
}
