/** Builds the public documents' renderer and stylesheet into `outDir` (dist/documents); see documents.mjs. */
export function buildDocuments(options: {
  root: string;
  dev?: boolean;
  outDir?: string;
  watch?: boolean;
}): Promise<{ outDir: string; stylesheet: string; dispose: () => Promise<void> }>;
