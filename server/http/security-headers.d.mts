export function contentSecurityPolicy(options: { dev: boolean; scripts: { nonce: string } | 'none' | 'self' }): string;
export function securityHeaders(dev: boolean): { key: string; value: string }[];
export const hsts: { key: string; value: string };
