import type { ReactNode } from 'react';
import { publicPaths } from '@/server/domain/public-paths';
import { scoped, type I18n } from '../_lib/i18n';
import { Document } from './Document';
import type { DocumentAssets, FailedDocument, NotFoundDocument, TooManyRequestsDocument } from '@/server/documents/types';

const link = 'font-medium text-brand underline-offset-2 hover:underline';

/** The one layout of the answers that have nothing to show: a code, a heading, a sentence, ways on. */
function Refusal({
  i18n,
  request,
  assets,
  code,
  title,
  body,
  links,
}: {
  i18n: I18n;
  request: NotFoundDocument | TooManyRequestsDocument | FailedDocument;
  assets: DocumentAssets;
  code: string;
  title: string;
  body: string;
  links: ReactNode;
}) {
  return (
    <Document i18n={i18n} request={request} assets={assets} head={{ title, description: body, robots: 'noindex' }}>
      <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center">
        <p className="num text-sm font-semibold text-brand">{code}</p>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-ink-soft">{body}</p>
        <div className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-2 text-sm">{links}</div>
      </main>
    </Document>
  );
}

/**
 * A lab that is private, one that does not exist and an address in no language all answer this,
 * word for word: the page tells nothing about what is behind the address.
 */
export function notFoundDocument(request: NotFoundDocument, i18n: I18n, assets: DocumentAssets) {
  const tc = scoped(i18n, 'common');
  return (
    <Refusal
      i18n={i18n}
      request={request}
      assets={assets}
      code="404"
      title={tc('notFoundTitle')}
      body={tc('notFoundBody')}
      links={
        <>
          <a className={link} href={publicPaths.directory(i18n.locale)}>
            {tc('backToDirectory')}
          </a>
          <a className={link} href={`/${i18n.locale}/workspace`}>
            {tc('backToWorkspace')}
          </a>
        </>
      }
    />
  );
}

/** A signed-out address that spent its searches for the minute (the same budget as the search API). */
export function tooManyRequestsDocument(request: TooManyRequestsDocument, i18n: I18n, assets: DocumentAssets) {
  const t = scoped(i18n, 'directory');
  return (
    <Refusal
      i18n={i18n}
      request={request}
      assets={assets}
      code="429"
      title={t('busyTitle')}
      body={t('busyBody', { seconds: request.retryAfterSeconds })}
      links={
        <>
          <a className={link} href={`/${i18n.locale}${request.path}${request.query ? `?${request.query}` : ''}`}>
            {t('busyRetry')}
          </a>
          <a className={link} href={publicPaths.directory(i18n.locale)}>
            {i18n.t('common.backToDirectory')}
          </a>
        </>
      }
    />
  );
}

/** A document that could not be rendered. It names no cause: that is in the server's log. */
export function failedDocument(request: FailedDocument, i18n: I18n, assets: DocumentAssets) {
  const tc = scoped(i18n, 'common');
  return (
    <Refusal
      i18n={i18n}
      request={request}
      assets={assets}
      code="500"
      title={tc('errorTitle')}
      body={tc('errorBody')}
      links={
        <>
          <a className={link} href={`/${i18n.locale}${request.path}${request.query ? `?${request.query}` : ''}`}>
            {tc('retry')}
          </a>
          <a className={link} href={publicPaths.directory(i18n.locale)}>
            {tc('backToDirectory')}
          </a>
        </>
      }
    />
  );
}
