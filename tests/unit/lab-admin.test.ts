import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optionalDate, optionalWholeNumber, slugField } from '@/server/domain/fields';
import { SLUG_PATTERN, slugFrom } from '@/server/domain/slug';
import { invitationState } from '@/server/services/invitations';
import { hashSecretToken, newSecretToken } from '@/server/services/tokens';

describe('slugs', () => {
  it('suggests a readable slug from an English name', () => {
    expect(slugFrom('New Display Technology Joint Laboratory')).toBe('new-display-technology-joint-laboratory');
    expect(slugFrom('  Solid-State  Battery (SSB) Lab!  ')).toBe('solid-state-battery-ssb-lab');
    expect(slugFrom('Zürich Café Lab')).toBe('zurich-cafe-lab');
    expect(slugFrom('新型显示')).toBe('');
  });

  it('only ever suggests slugs the database accepts, or nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const slug = slugFrom(name);
        return slug.length < 2 || SLUG_PATTERN.test(slug);
      }),
    );
  });

  it('refuses what the database refuses', () => {
    for (const bad of ['A-Lab', 'a lab', 'x', 'a'.repeat(65), 'lab_1', '实验室']) expect(slugField.safeParse(bad).success).toBe(false);
    for (const good of ['ab', 'new-display-lab', 'a'.repeat(64), '2026-lab']) expect(slugField.safeParse(good).success).toBe(true);
  });
});

describe('form fields', () => {
  it('reads whole amounts as typed, with empty meaning none', () => {
    expect(optionalWholeNumber.parse('1,200,000')).toBe(1_200_000);
    expect(optionalWholeNumber.parse(' 42 ')).toBe(42);
    expect(optionalWholeNumber.parse('')).toBeNull();
    expect(optionalWholeNumber.parse(undefined)).toBeNull();
    expect(optionalWholeNumber.safeParse('1.5').success).toBe(false);
    expect(optionalWholeNumber.safeParse('-3').success).toBe(false);
    expect(optionalWholeNumber.safeParse('lots').error?.issues[0]?.message).toBe('validation.wholeNumber');
  });

  it('reads calendar dates strictly', () => {
    expect(optionalDate.parse('2026-02-28')).toBe('2026-02-28');
    expect(optionalDate.parse('')).toBeNull();
    expect(optionalDate.safeParse('2026-02-30').success).toBe(false);
    expect(optionalDate.safeParse('28/02/2026').success).toBe(false);
  });
});

describe('secret links', () => {
  it('are 256-bit random tokens whose SHA-256 is what gets stored', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newSecretToken().token));
    expect(tokens.size).toBe(200);
    const { token, hash } = newSecretToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecretToken(token)).toBe(hash);
    expect(hashSecretToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('say why an invitation no longer works: accepted, then revoked, then expired', () => {
    const now = Date.parse('2026-06-15T00:00:00Z');
    const future = new Date(now + 1000);
    const past = new Date(now - 1000);
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: future }, now)).toBe('pending');
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: past }, now)).toBe('expired');
    expect(invitationState({ acceptedAt: null, revokedAt: past, expiresAt: past }, now)).toBe('revoked');
    expect(invitationState({ acceptedAt: past, revokedAt: null, expiresAt: past }, now)).toBe('accepted');
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: new Date(now) }, now)).toBe('expired');
  });
});
