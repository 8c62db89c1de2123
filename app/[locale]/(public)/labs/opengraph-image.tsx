import { ImageResponse } from 'next/og';
import { SocialCard, socialCardSize } from '../../../_components/public/SocialCard';

export const alt = 'Consortium Tracker: public labs';
export const size = socialCardSize;
export const contentType = 'image/png';
// Built on first request and kept: it shows no data.
export const dynamic = 'force-static';
export function generateStaticParams() {
  return [];
}

/** The card for the directory: the same for everyone, so it is built once. */
export default function Image() {
  return new ImageResponse(
    <SocialCard
      eyebrow="Consortium Tracker"
      title="Public labs"
      subtitle="Joint labs and innovation consortia that publish their progress"
      facts={['Partners', 'Milestones', 'Localization goals']}
    />,
    size,
  );
}
