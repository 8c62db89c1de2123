/**
 * A percentage as each language writes it: "70 %" in English (the app's style, as in the demo
 * data's facts), "70%" in Chinese, as the Chinese messages and Intl write it (issue 24: the two
 * stood side by side on Chinese pages).
 */
export function percentText(locale: string, value: number | string): string {
  return locale === 'zh-CN' ? `${value}%` : `${value} %`;
}
