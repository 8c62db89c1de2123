export function contentSecurityPolicy(options: { dev: boolean; scripts: { nonce: string } | 'none' | 'self' }): string;
export function securityHeaders(): { key: string; value: string }[];
export function policyHeader(dev: boolean): { key: string; value: string };
export const ALL_BUT_DOCUMENTS: string;
export const hsts: { key: string; value: string };
