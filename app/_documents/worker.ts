import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { renderDocument } from './renderer';
import type { DocumentAssets, RenderAnswer, RenderMessage } from '@/server/documents/types';

// The worker thread that renders the public documents (server/documents/render.ts starts it; the
// build compiles this file into dist/documents/renderer.mjs). It answers each message with the
// document's HTML or the error that stopped it, under the message's id.

const manifest = new URL('./manifest.json', import.meta.url);
const { dev } = (workerData ?? {}) as { dev?: boolean };
let assets: DocumentAssets | undefined;

/** The stylesheet the build wrote beside this file; re-read on every render in development, where it changes. */
function currentAssets(): DocumentAssets {
  if (!assets || dev) assets = JSON.parse(readFileSync(manifest, 'utf8')) as DocumentAssets;
  return assets;
}

parentPort?.on('message', ({ id, request }: RenderMessage) => {
  let answer: RenderAnswer;
  try {
    answer = { id, html: renderDocument(request, currentAssets()) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } };
  }
  parentPort?.postMessage(answer);
});
