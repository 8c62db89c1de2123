import type { DocumentRequest } from './types';
import type { DocumentAnswer } from './answers';
import type { Locale } from '@/common/enums';
import { contentSecurityPolicy } from '../http/security-headers.mjs';
import { translate } from '../i18n';
import { documentRenderer, RenderError, type DocumentRenderer } from './render';

// A public document as a route handler's answer: complete HTML, rendered by the worker (render.ts),
// with its own content type and a policy that allows no script at all (decision 016). Caching is
// Next.js's: a route that exports `revalidate` is kept and refreshed by publicLabChanged().

const dev = process.env.NODE_ENV === 'development';

function htmlResponse(html: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // Whatever markup might ever slip into a public page stays inert.
      'content-security-policy': contentSecurityPolicy({ dev, scripts: 'none' }),
      ...headers,
    },
  });
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The last answer when not even the error document can be rendered (the renderer is missing or broken). */
function plainFailure(locale: Locale): string {
  const text = (key: string) => escapeText(translate(locale, key));
  return (
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${text('common.errorTitle')}</title></head>` +
    `<body><main id="main"><h1>${text('common.errorTitle')}</h1><p>${text('common.errorBody')}</p>` +
    `<p><a href="/${locale}/labs">${text('common.backToDirectory')}</a></p></main></body></html>`
  );
}

/**
 * Renders `request` and answers it with `status` and `headers`. A render that fails answers the
 * error document (500) in the same language; the cause goes to the server's log, never to the page.
 */
export async function documentResponse(
  request: DocumentRequest,
  status = 200,
  headers: Record<string, string> = {},
  renderer: DocumentRenderer = documentRenderer(),
): Promise<Response> {
  try {
    return htmlResponse(await renderer.render(request), status, headers);
  } catch (error) {
    console.error(
      `The ${request.kind} document for /${request.locale}${request.path} could not be rendered:`,
      error instanceof RenderError ? (error.workerStack ?? error.message) : error,
    );
  }
  const { locale, origin, path, query } = request;
  // No cache in front keeps a failure (Next.js leaves a route's own Cache-Control as it is).
  const failure = { 'cache-control': 'no-store' };
  try {
    return htmlResponse(await renderer.render({ kind: 'failed', locale, origin, path, query }), 500, failure);
  } catch {
    return htmlResponse(plainFailure(locale), 500, failure);
  }
}

/** A route handler's answer for a document: the rendered page, or the redirect to the page's own address. */
export async function respond(answer: DocumentAnswer, renderer: DocumentRenderer = documentRenderer()): Promise<Response> {
  if ('redirect' in answer)
    return new Response(null, {
      status: answer.status,
      headers: { location: answer.redirect, 'content-security-policy': contentSecurityPolicy({ dev, scripts: 'none' }) },
    });
  return documentResponse(answer.request, answer.status, answer.headers, renderer);
}
