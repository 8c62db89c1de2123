export function securityHeaders(dev: boolean): { key: string; value: string }[];
export const hsts: { key: string; value: string };
