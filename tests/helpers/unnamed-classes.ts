/**
 * Runs in the page (`page.evaluate(unnamedClasses, classes)`): which of `wanted` no rule of the
 * page's stylesheets selects, as Chromium reads them. A class counts as styled where some selector
 * names it, escaped the way the browser writes it and not continued by more of a name. Playwright
 * sends this function's source to the page, so it uses nothing from outside itself.
 */
export function unnamedClasses(wanted: string[]): string[] {
  const selectors: string[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) selectors.push(rule.selectorText);
      if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  const continues = /[\w\u00a0-\uffff\\-]/;
  const named = (token: string) => {
    const needle = `.${CSS.escape(token)}`;
    return selectors.some((s) => {
      for (let at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + 1)) {
        const next = s[at + needle.length];
        if (next === undefined || !continues.test(next)) return true;
      }
      return false;
    });
  };
  return wanted.filter((token) => !named(token));
}
