export const root: string;
export const distDir: string;
export function buildServer(): Promise<void>;
export function buildNext(env?: NodeJS.ProcessEnv): void;
