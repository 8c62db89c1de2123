import { ImageResponse } from 'next/og';
import { isLocale } from '@/server/i18n';
import { SocialCard, socialCardSize } from '@/app/_components/public/SocialCard';
import { notFoundResponse } from '@/app/_lib/public-route';

// The share card of the directory: it shows no data, so it is built on first request and kept.
export const dynamic = 'force-static';
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  if (!isLocale((await params).locale)) return notFoundResponse();
  return new ImageResponse(
    <SocialCard
      eyebrow="Consortium Tracker"
      title="Public labs"
      subtitle="Joint labs and innovation consortia that publish their progress"
      facts={['Partners', 'Milestones', 'Localization goals']}
    />,
    socialCardSize,
  );
}
