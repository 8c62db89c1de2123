/** A bilingual name in the reader's language: Chinese when the reader reads Chinese and there is one. */
export function localizedName(locale: string, en: string, zh: string | null | undefined): string {
  return locale === 'zh-CN' && zh ? zh : en;
}
