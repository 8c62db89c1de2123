import { describe, expect, it } from 'vitest';
import { regionName } from '@/server/domain/regions';

// Issue 23.8: region names in Chinese on Chinese pages.
describe('regionName', () => {
  it('names provinces, cities and countries in Chinese, part by part, and leaves English pages alone', () => {
    expect(regionName('zh-CN', 'Beijing · Guangdong · Hubei')).toBe('北京 · 广东 · 湖北');
    expect(regionName('zh-CN', 'Germany')).toBe('德国');
    expect(regionName('zh-CN', 'Hebei, Tianjin')).toBe('河北、天津');
    expect(regionName('en', 'Beijing · Guangdong')).toBe('Beijing · Guangdong');
  });
  it('keeps what it does not know as written', () => {
    expect(regionName('zh-CN', 'Ruhr valley · Jiangsu')).toBe('Ruhr valley · 江苏');
    expect(regionName('zh-CN', null)).toBeNull();
  });
});
