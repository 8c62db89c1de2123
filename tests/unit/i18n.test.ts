import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { en, zhCN } from '@/messages';
import { issueMessage } from '@/server/api/issues';
import { MILESTONE_STATUSES, ORGANISATION_TIERS, SECTORS, STAGES } from '@/common/enums';
import { negotiateLocale, translate } from '@/server/i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('has the same namespace files in both languages, each one merged', () => {
    const dir = 'messages';
    const files = readdirSync(`${dir}/en`).sort();
    expect(readdirSync(`${dir}/zh-CN`).sort()).toEqual(files);
    expect(Object.keys(en).sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
  });

  it('English and Chinese define exactly the same keys', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('every enumeration value has a label in both languages', () => {
    for (const [ns, values] of [
      ['sector', SECTORS],
      ['stage', STAGES],
      ['milestoneStatus', MILESTONE_STATUSES],
      ['organisationTier', ORGANISATION_TIERS],
    ] as const) {
      for (const v of values) {
        expect(translate('en', `enums.${ns}.${v}`)).not.toBe(`enums.${ns}.${v}`);
        expect(translate('zh-CN', `enums.${ns}.${v}`)).not.toBe(`enums.${ns}.${v}`);
      }
    }
  });

  it('formats plurals and parameters', () => {
    expect(translate('en', 'directory.count', { count: 1 })).toBe('1 public lab');
    expect(translate('en', 'directory.count', { count: 3 })).toBe('3 public labs');
    expect(translate('zh-CN', 'directory.count', { count: 3 })).toBe('共 3 个公开实验室');
  });
});

describe('locale negotiation', () => {
  it('prefers an explicit choice, then Accept-Language by weight, then English', () => {
    expect(negotiateLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(negotiateLocale(null, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale(null, 'en;q=0.5,zh-TW;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'de-DE,en;q=0.7')).toBe('en');
    expect(negotiateLocale('fr', 'fr-FR')).toBe('en');
    // Weights that are not numbers, q=0 (refused) and garbage fall back without an error.
    expect(negotiateLocale(null, 'zh;q=0, en;q=0.1')).toBe('en');
    expect(negotiateLocale(null, 'zh-Hans-CN;q=abc, de')).toBe('en');
    expect(negotiateLocale(null, ';;;,*')).toBe('en');
    expect(negotiateLocale(null, 'zh-TW')).toBe('zh-CN');
  });
});

describe('validation messages', () => {
  it('says what to do, in the reader’s language', () => {
    expect(issueMessage('en', { code: 'too_small', origin: 'string', minimum: 1, message: 'x' })).toBe('Fill in this field.');
    expect(issueMessage('zh-CN', { code: 'too_small', origin: 'string', minimum: 1, message: 'x' })).toBe('请填写此字段。');
    expect(issueMessage('en', { code: 'too_big', origin: 'string', maximum: 64, message: 'x' })).toBe('Use at most 64 characters.');
    expect(issueMessage('en', { code: 'invalid_format', format: 'email', message: 'x' })).toMatch(/email address/);
    expect(issueMessage('en', { code: 'invalid_type', input: undefined, message: 'x' })).toBe('Fill in this field.');
  });

  it('uses a message key a schema names itself', () => {
    expect(issueMessage('en', { code: 'custom', message: 'validation.passwordCommon' })).toMatch(/too common/);
  });
});
