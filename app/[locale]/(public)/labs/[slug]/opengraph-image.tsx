import { ImageResponse } from 'next/og';
import { notFound } from 'next/navigation';
import { getDb } from '../../../../../db/client';
import { translate } from '../../../../../server/i18n';
import { getPublicFactSheet } from '../../../../../server/services/public-fact-sheet';
import { findPublicLab } from '../../../../../server/services/publication';
import { SocialCard, socialCardSize } from '../../../../_components/public/SocialCard';

export const alt = 'Fact sheet of a public lab on Consortium Tracker';
export const size = socialCardSize;
export const contentType = 'image/png';
// Cached with the fact sheet; never built before the database exists.
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

/** The card for a fact sheet: name, chain and what the lab has published. */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!findPublicLab(getDb(), slug)) notFound();
  const { lab, partners, milestones, goals } = getPublicFactSheet(getDb(), slug);
  const done = milestones.filter((m) => m.status === 'done').length;
  return new ImageResponse(
    <SocialCard
      eyebrow={`Consortium Tracker · ${translate('en', `enums.sector.${lab.sector}`)}${lab.isDemo ? ' · Demo data' : ''}`}
      title={lab.acronymEn ? `${lab.nameEn} (${lab.acronymEn})` : lab.nameEn}
      subtitle={`${lab.chainEn} · ${partners.map((p) => p.shortName).join(', ')}`}
      facts={[
        `${done}/${milestones.length} milestones done`,
        `${goals.length} localization goals`,
        translate('en', `enums.stage.${lab.stage}`),
      ]}
    />,
    size,
  );
}
