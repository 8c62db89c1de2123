import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '@/server/domain/csv';

describe('csv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42.5)).toBe('42.5');
  });

  it('makes spreadsheet formulas inert but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
  });

  it('starts with a byte-order mark and ends rows with CRLF', () => {
    expect(
      toCsv([
        ['名称', 'value'],
        ['钢', 1],
      ]),
    ).toBe('\uFEFF名称,value\r\n钢,1\r\n');
  });
});
