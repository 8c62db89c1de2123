import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { labs, labTechnologies, organisations, participations } from '@/db/schema';
import { searchPublicLabs } from '@/server/services/public-search';
import { callerAs, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

async function slugsFor(input: Parameters<ReturnType<typeof callerAs>['directory']['search']>[0]): Promise<string[]> {
  return (await callerAs(db, null).directory.search(input)).labs.map((l) => l.slug);
}

const DISPLAY = ['new-display-lab'];
const STEEL = ['green-auto-steel'];

describe('directory.search: text', () => {
  it('finds labs by name, acronym, objective, chain, technology and partner, in English, case-insensitively', async () => {
    expect(await slugsFor({ q: 'Joint Laboratory' })).toEqual(DISPLAY);
    expect(await slugsFor({ q: 'glcs' })).toEqual(STEEL);
    expect(await slugsFor({ q: 'hydrogen' })).toEqual(STEEL);
    expect(await slugsFor({ q: 'automotive steel' })).toEqual(STEEL);
    expect(await slugsFor({ q: 'LTPO' })).toEqual(DISPLAY);
    expect(await slugsFor({ q: 'tianma' })).toEqual(DISPLAY);
    expect(await slugsFor({ q: 'HBIS' })).toEqual(STEEL);
  });

  it('finds labs by Chinese words of any length, inside longer Chinese text', async () => {
    expect(await slugsFor({ q: '新型显示技术' })).toEqual(DISPLAY);
    expect(await slugsFor({ q: '蒸镀材料' })).toEqual(DISPLAY);
    expect(await slugsFor({ q: '河钢集团' })).toEqual(STEEL);
    // Two characters and one character: too short for the trigram index, matched as substrings.
    expect(await slugsFor({ q: '显示' })).toEqual(DISPLAY);
    expect(await slugsFor({ q: '小米' })).toEqual(DISPLAY);
    expect(await slugsFor({ q: '钢' })).toEqual(STEEL);
    expect(await slugsFor({ q: '宝马 低碳' })).toEqual(STEEL);
  });

  it('needs every word to match, and finds nothing for words no public lab has', async () => {
    expect(await slugsFor({ q: 'OLED Xiaomi' })).toEqual(DISPLAY);
    expect(await slugsFor({ q: 'OLED HBIS' })).toEqual([]);
    expect(await slugsFor({ q: 'quantum' })).toEqual([]);
  });

  it('never finds the private lab, by any word of its name, acronym, objective, technology or partners', async () => {
    for (const q of [
      'Key Equipment',
      'Localization Consortium',
      'KELC',
      '关键装备',
      '真空',
      '线性蒸发源',
      'Huabei',
      'Vacuum',
      'Lianhe',
      '联合理工',
      'deposition',
    ]) {
      expect(await slugsFor({ q }), q).toEqual([]);
    }
  });

  it('treats search syntax and wildcards as plain text, without errors', async () => {
    for (const q of [
      '"',
      '""',
      'OLED"',
      'NEAR(OLED',
      'OLED OR steel',
      'OLED*',
      '%',
      '_',
      '\\',
      "'; drop table labs; --",
      'a:b',
      '-',
      '^OLED',
    ]) {
      expect(Array.isArray(await slugsFor({ q })), q).toBe(true);
    }
    expect(await slugsFor({ q: '10–30 %' })).toEqual(STEEL);
  });
});

describe('directory.search: filters', () => {
  it('filters by sector, chain, region, stage and status, alone and with text', async () => {
    expect(await slugsFor({ sector: 'electronics' })).toEqual(DISPLAY);
    expect(await slugsFor({ chain: 'automotive STEEL' })).toEqual(STEEL);
    expect(await slugsFor({ region: 'Hubei' })).toEqual(DISPLAY);
    expect(await slugsFor({ region: 'hebei' })).toEqual(STEEL);
    expect(await slugsFor({ stage: 'mass_production' })).toEqual(STEEL);
    expect((await slugsFor({ status: 'active' })).sort()).toEqual([...DISPLAY, ...STEEL].sort());
    expect(await slugsFor({ status: 'completed' })).toEqual([]);
    expect(await slugsFor({ q: 'OLED', sector: 'steel_metallurgy' })).toEqual([]);
    expect(await slugsFor({ q: 'OLED', stage: 'commercialization', region: 'Beijing' })).toEqual(DISPLAY);
    // The private lab is in machinery and in Tianjin: no filter brings it out.
    expect(await slugsFor({ sector: 'machinery_equipment' })).toEqual([]);
    expect(await slugsFor({ region: 'Tianjin' })).toEqual([]);
  });

  it('treats empty form fields as "any"', async () => {
    expect((await slugsFor({ q: '', sector: '', chain: '', region: '', stage: '', status: '' } as never)).length).toBe(2);
  });

  it('offers as filter values only what the public labs have', async () => {
    const facets = await callerAs(db, null).directory.facets();
    expect(facets.sector.map((o) => o.value)).toEqual(['electronics', 'steel_metallurgy']);
    expect(facets.region.map((o) => o.value)).toEqual(['Beijing', 'Guangdong', 'Hebei', 'Hubei', 'Liaoning']);
    expect(facets.chain.map((o) => [o.value, o.labelZh])).toEqual([
      ['Automotive steel', '汽车用钢'],
      ['OLED display', 'OLED显示'],
    ]);
    expect(JSON.stringify(facets)).not.toMatch(/Tianjin|Jiangsu|machinery|Vacuum/);
  });

  it('refuses an unknown filter value or an over-long query with a message naming the field, in the caller’s language', async () => {
    const before = tableCounts(db);
    const en = await httpCall(db, 'directory.search', { sector: 'space-mining' }, { method: 'GET' });
    expect(en.status).toBe(400);
    expect(en.body.error?.json.data.fieldErrors).toEqual({ sector: ['Choose one of the options.'] });
    const zh = await httpCall(
      db,
      'directory.search',
      { q: 'x'.repeat(101) },
      { method: 'GET', locale: 'zh-CN', user: sessionUser(db, 'viewer@demo.local') },
    );
    expect(zh.status).toBe(400);
    expect(zh.body.error?.json.data.fieldErrors).toEqual({ q: ['最多 100 个字符。'] });
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('control characters in a search', () => {
  const CONTROL = ['\u0000abc', 'OLED\u0000', 'ab\u0000', '\u0000', 'OLED \u0007 steel', 'x\u007f'];

  it('are refused with a message naming the field, for the text and every text filter, never a 500', async () => {
    for (const value of CONTROL) {
      for (const field of ['q', 'chain', 'region'] as const) {
        const res = await httpCall(db, 'directory.search', { [field]: value }, { method: 'GET' });
        expect(res.status, `${field}=${JSON.stringify(value)}`).toBe(400);
        expect(res.body.error?.json.data.fieldErrors).toEqual({
          [field]: ['Remove the control characters (such as NUL) from this text: they cannot be searched for.'],
        });
      }
    }
    const zh = await httpCall(db, 'directory.search', { q: '\u0000显示' }, { method: 'GET', locale: 'zh-CN' });
    expect(zh.body.error?.json.data.fieldErrors).toEqual({ q: ['请删除其中的控制字符（如 NUL），它们无法用于搜索。'] });
  });

  it('split the words when a service is handed them directly, so the index is never asked to match NUL', () => {
    expect(searchPublicLabs(db, { q: 'Joint\u0000Laboratory' }).map((l) => l.slug)).toEqual(DISPLAY);
    expect(searchPublicLabs(db, { q: '\u0000' })).toEqual([]);
  });

  it('leave tabs and line breaks as the spaces between words', async () => {
    expect(await slugsFor({ q: 'Joint\tLaboratory' })).toEqual(DISPLAY);
    expect(await slugsFor({ q: 'hydrogen\r\nsteel' })).toEqual(STEEL);
  });
});

describe('the search index stays current (triggers of migration 0003)', () => {
  it('follows a renamed lab, a new technology, a new partner and a renamed organisation', async () => {
    const labId = labIdOf(db, 'green-auto-steel');
    db.update(labs).set({ nameEn: 'Green Steel Alliance' }).where(eq(labs.id, labId)).run();
    expect(await slugsFor({ q: 'Alliance' })).toEqual(STEEL);

    db.insert(labTechnologies).values({ labId, nameEn: 'Electric arc furnace', nameZh: '电弧炉', position: 9 }).run();
    expect(await slugsFor({ q: '电弧炉' })).toEqual(STEEL);

    const org = db
      .insert(organisations)
      .values({
        legalName: 'Ansteel Group Co., Ltd.',
        shortName: 'Ansteel',
        nameEn: 'Anshan Works',
        nameZh: '鞍钢集团',
        type: 'enterprise',
      })
      .returning()
      .get();
    db.insert(participations).values({ labId, organisationId: org.id, role: 'supplier' }).run();
    expect(await slugsFor({ q: '鞍钢' })).toEqual(STEEL);

    db.update(organisations).set({ nameEn: 'Angang Steel' }).where(eq(organisations.id, org.id)).run();
    expect(await slugsFor({ q: 'Angang' })).toEqual(STEEL);
    expect(await slugsFor({ q: 'Anshan' })).toEqual([]);

    db.delete(participations).where(eq(participations.organisationId, org.id)).run();
    expect(await slugsFor({ q: 'Angang' })).toEqual([]);
  });

  it('keeps a lab out of the index while it is private, and brings it in when it is published', async () => {
    const displayId = labIdOf(db, 'new-display-lab');
    db.update(labs).set({ visibility: 'private' }).where(eq(labs.id, displayId)).run();
    expect(await slugsFor({ q: 'OLED' })).toEqual([]);
    const indexed = db.$client.prepare('select count(*) as n from lab_search where rowid = ?').get(displayId) as { n: number };
    expect(indexed.n).toBe(0);

    const equipmentId = labIdOf(db, 'key-equipment-consortium');
    db.update(labs).set({ visibility: 'public' }).where(eq(labs.id, equipmentId)).run();
    expect(await slugsFor({ q: '真空' })).toEqual(['key-equipment-consortium']);
  });

  it('forgets a deleted lab', async () => {
    const labId = labIdOf(db, 'green-auto-steel');
    db.$client.pragma('foreign_keys = OFF'); // audit events keep the lab id; here only the index matters
    db.delete(labs).where(eq(labs.id, labId)).run();
    db.$client.pragma('foreign_keys = ON');
    const indexed = db.$client.prepare('select count(*) as n from lab_search where rowid = ?').get(labId) as { n: number };
    expect(indexed.n).toBe(0);
  });
});
