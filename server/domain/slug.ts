// A lab's slug is the part of its web address after /labs/: stable, readable, ASCII.

/** Matches the database CHECK on labs.slug: 2–64 lowercase letters, digits and dashes. */
export const SLUG_PATTERN = /^[a-z0-9-]{2,64}$/;

/** A slug suggested from a lab's English name ('' when the name has no usable letters). */
export function slugFrom(name: string): string {
  return (
    name
      .normalize('NFKD')
      // Accents become their base letter: "Zürich" reads as "zurich", not "zu-rich".
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64)
      .replace(/-+$/g, '')
  );
}
