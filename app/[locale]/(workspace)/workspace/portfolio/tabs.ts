/**
 * The views of the portfolio (every lab the user can see), in tab order. `segment` is the path
 * under /workspace/portfolio ('' is the first view); `label` is a key in the `portfolio.tabs` messages.
 */
export const PORTFOLIO_TABS: { segment: string; label: string }[] = [
  { segment: '', label: 'timeline' },
  { segment: 'goals', label: 'goals' },
];
