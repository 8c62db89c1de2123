/**
 * "Label: value" as each language writes it: an ASCII colon and a space in English, the full-width
 * colon without a space in Chinese (issue 24: "涉及: …" on Chinese pages).
 */
export function labelled(locale: string, label: string, value: string): string {
  return locale === 'zh-CN' ? `${label}：${value}` : `${label}: ${value}`;
}
