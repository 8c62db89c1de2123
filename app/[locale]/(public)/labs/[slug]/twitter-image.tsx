// The Twitter card shows the same picture as OpenGraph.
export { default, alt, size, contentType } from './opengraph-image';

// Segment options must be written out here: Next.js reads them from this file, not through a re-export.
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}
