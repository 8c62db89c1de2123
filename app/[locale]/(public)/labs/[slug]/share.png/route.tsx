import { ImageResponse } from 'next/og';
import { getDb } from '@/server/db';
import { isLocale, translate } from '@/server/i18n';
import { getPublicFactSheet } from '@/server/services/public-fact-sheet';
import { findPublicLab } from '@/server/services/publication';
import { SocialCard, socialCardSize } from '@/app/_components/public/SocialCard';
import { notFoundResponse } from '@/app/_lib/public-route';

// The share card of a fact sheet (og:image, twitter:image). A route of its own, at a path the
// cache is told to rebuild with the fact sheet (extraPublicPaths), so a lab made private loses its
// card as soon as its page. Nothing is built before the database exists.
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

/** The card for a fact sheet: name, chain and what the lab has published. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  if (!findPublicLab(getDb(), slug)) return notFoundResponse(locale);
  const { lab, partners, milestones, goals } = getPublicFactSheet(getDb(), slug);
  const done = milestones.filter((m) => m.status === 'done').length;
  return new ImageResponse(
    <SocialCard
      eyebrow={`Consortium Tracker · ${translate('en', `enums.sector.${lab.sector}`)}${lab.isDemo ? ' · Demo data' : ''}`}
      title={lab.acronymEn ? `${lab.nameEn} (${lab.acronymEn})` : lab.nameEn}
      subtitle={`${lab.chainEn} · ${partners.map((p) => p.shortName).join(', ')}`}
      facts={[`${done}/${milestones.length} milestones done`, `${goals.length} localization goals`, translate('en', `enums.stage.${lab.stage}`)]}
    />,
    // ImageResponse would say `max-age=0, must-revalidate`; a cache in front keeps the card as
    // long as the fact sheet it belongs to (revalidate above, expireTime in next.config.mjs).
    { ...socialCardSize, headers: { 'cache-control': 's-maxage=300, stale-while-revalidate=60' } },
  );
}
