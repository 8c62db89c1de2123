import { statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentRequest } from './types';
import type { RenderAnswer, RenderMessage } from './types';

// The public documents are rendered by react-dom/server in a worker thread, outside Next.js's
// bundles (decision 019): a route handler is built under the react-server condition, where React
// refuses react-dom/server. One long-lived worker per process, started on first use.

/** The renderer threw: the same request would throw again. */
export class RenderError extends Error {
  constructor(
    message: string,
    readonly workerStack?: string,
  ) {
    super(message);
  }
}
/** The worker went away (crashed, ran out of memory, could not start): a new one may do. */
class WorkerGone extends Error {}

type Pending = { worker: Worker; resolve: (html: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

export class DocumentRenderer {
  private worker: Worker | undefined;
  private workerFileTime = 0;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly file: string,
    private readonly options: { dev?: boolean; timeoutMs?: number } = {},
  ) {}

  /** The document's HTML. A worker that dies under a render is replaced, and the render tried once more. */
  async render(request: DocumentRequest): Promise<string> {
    try {
      return await this.renderOnce(request);
    } catch (error) {
      if (!(error instanceof WorkerGone)) throw error;
      return this.renderOnce(request);
    }
  }

  /** Ends the worker (tests); the next render starts another. A server that stops needs not: the worker is unref'd. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private renderOnce(request: DocumentRequest): Promise<string> {
    const worker = this.currentWorker();
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      // A render that never ends (a loop) would hold its visitor forever: the worker is ended instead.
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RenderError(`rendering the ${request.kind} document took more than ${this.timeoutMs} ms`));
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
      }, this.timeoutMs);
      this.pending.set(id, { worker, resolve, reject, timer });
      worker.postMessage({ id, request } satisfies RenderMessage);
    });
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? 15_000;
  }

  private currentWorker(): Worker {
    // In development the build rewrites the renderer as its sources change: a changed file gets a new worker.
    if (this.worker && this.options.dev && this.fileTime() !== this.workerFileTime) {
      void this.worker.terminate();
      this.worker = undefined;
    }
    return this.worker ?? this.start();
  }

  private fileTime(): number {
    try {
      return statSync(this.file).mtimeMs;
    } catch {
      return 0;
    }
  }

  private start(): Worker {
    this.workerFileTime = this.fileTime();
    const worker = new Worker(this.file, {
      workerData: { dev: this.options.dev ?? false },
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    // It never keeps the process alive: a server that is asked to stop stops.
    worker.unref();
    worker.on('message', (answer: RenderAnswer) => {
      const pending = this.pending.get(answer.id);
      if (!pending) return;
      this.pending.delete(answer.id);
      clearTimeout(pending.timer);
      if ('html' in answer) pending.resolve(answer.html);
      else pending.reject(new RenderError(answer.error.message, answer.error.stack));
    });
    const gone = (reason: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, pending] of this.pending) {
        if (pending.worker !== worker) continue;
        clearTimeout(pending.timer);
        pending.reject(new WorkerGone(reason));
        this.pending.delete(id);
      }
    };
    worker.on('error', (error) => gone(`the documents' renderer failed: ${error.message}`));
    worker.on('exit', (code) => gone(`the documents' renderer stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }
}

let renderer: DocumentRenderer | undefined;

/**
 * The process's renderer, built by server/build/documents.mjs. Its path is found at run time, so
 * the bundler of the route handlers never looks into it. The documents are all route handlers, one
 * bundle layer of Next.js, so they share this module and its one worker.
 */
export function documentRenderer(): DocumentRenderer {
  renderer ??= new DocumentRenderer(path.join(/* turbopackIgnore: true */ process.cwd(), 'dist', 'documents', 'renderer.mjs'), {
    dev: process.env.NODE_ENV === 'development',
  });
  return renderer;
}
