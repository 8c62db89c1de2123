import { eq } from 'drizzle-orm';
import { createFormatter, createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, labs, labTechnologies, milestones, organisations } from '@/db/schema';
import { auditChanges, auditTime, type AuditWording } from '@/app/_lib/audit-wording';
import { en, zhCN } from '@/messages';
import { auditCsvRows } from '@/app/_lib/audit-csv';
import { recordAudit } from '@/server/services/audit';
import { callerAs, freshDb, labIdOf, sessionUser } from '../helpers/db';

// Issue 23.7 and 24.4: the audit log reads as a person would write it, in English and Chinese:
// every field an event records has a label, a referenced record is named by its name, codes are
// words, times look as everywhere else, and every action is translated.

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
});

function wording(locale: 'en' | 'zh-CN'): AuditWording {
  const messages = locale === 'en' ? en : zhCN;
  const t = createTranslator({ locale, messages, timeZone: 'Asia/Shanghai' });
  return {
    locale,
    t: t as unknown as AuditWording['t'],
    format: createFormatter({ locale, timeZone: 'Asia/Shanghai' }),
    has: (k) => t.has(k as never),
  };
}
const messagesOf = (locale: 'en' | 'zh-CN') => (locale === 'en' ? en : zhCN).activity as unknown as Record<string, Record<string, string>>;

const org = (shortName: string) => db.select().from(organisations).where(eq(organisations.shortName, shortName)).get()!;
const milestoneByTitle = (title: string) => db.select().from(milestones).where(eq(milestones.title, title)).get()!;

/** What a manager's and an admin's week writes to the log, beyond the demo's own history. */
async function aWeekOfChanges() {
  const manager = callerAs(db, 'manager@demo.local');
  const admin = callerAs(db, 'admin@demo.local');
  await manager.invitation.create({ labId, email: 'li.na@tianma.cn', role: 'member', organisationId: org('Tianma').id });
  const m = milestoneByTitle('Domestic fine metal mask pilot trial');
  const { id: _id, labId: _l, createdAt: _c, updatedAt: _u, ...fields } = m;
  await manager.milestone.update({ ...fields, labId, id: m.id, ownerOrganisationId: org('Xiaomi').id } as never);
  const other = milestoneByTitle('LTPO backplane process verification');
  await manager.dependency.add({ labId, predecessorId: other.id, successorId: m.id, lagDays: 3 }).catch(() => undefined);
  const expected = db
    .select({ id: labTechnologies.id, version: labTechnologies.version })
    .from(labTechnologies)
    .where(eq(labTechnologies.labId, labId))
    .all();
  await manager.labSettings.setTechnologies({ labId, expected, items: [{ nameEn: 'Fine metal masks', nameZh: '精细金属掩膜版' }] });
  const dup = await admin.organisation.create({
    legalName: 'Tianma Microelectronics Co (duplicate)',
    shortName: 'Tianma 2',
    nameEn: 'Tianma (duplicate)',
    type: 'enterprise',
  } as never);
  {
    const keep = org('Tianma');
    const d = db
      .select()
      .from(organisations)
      .where(eq(organisations.id, (dup as { id: number }).id))
      .get()!;
    await admin.organisation.merge({ keepId: keep.id, keepVersion: keep.version, duplicateId: d.id, duplicateVersion: d.version });
  }
}

function keysOf(value: unknown, into: Set<string>) {
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(value)) into.add(k);
    if (Array.isArray(v)) v.forEach((x) => keysOf(x, into));
    else keysOf(v, into);
  }
}

describe('the field labels', () => {
  it('name every field the log records, in English and in Chinese without English words', async () => {
    await aWeekOfChanges();
    const keys = new Set<string>();
    for (const e of db.select().from(auditEvents).all()) {
      keysOf(e.before, keys);
      keysOf(e.after, keys);
    }
    // The week reached the kinds of change that record more than a table's columns.
    for (const k of [
      'ownerOrganisationId',
      'predecessorId',
      'expiresAt',
      'technologies',
      'duplicate',
      'moved',
      'itemKind',
      'baselineValue',
    ])
      expect(keys, k).toContain(k);
    const missing: string[] = [];
    for (const key of keys) {
      const enLabel = messagesOf('en').fields![key];
      const zhLabel = messagesOf('zh-CN').fields![key];
      if (!enLabel || !zhLabel || /[A-Za-z]{2,}/.test(zhLabel)) missing.push(`${key}: ${enLabel} / ${zhLabel}`);
    }
    expect(missing).toEqual([]);
  });

  it('translate every action and kind of record the services write', () => {
    const written = new Set<string>();
    for (const e of db.select({ action: auditEvents.action, kind: auditEvents.entityType }).from(auditEvents).all())
      written.add(`${e.action}/${e.kind}`);
    const actions = [
      'accepted',
      'created',
      'deleted',
      'edited',
      'email_confirmation_sent',
      'email_confirmed',
      'joined',
      'left',
      'merged',
      'password_changed',
      'password_reset',
      'password_reset_issued',
      'progress_updated',
      'published',
      'unpublished',
      'hidden',
      'unhidden',
      'disabled',
      'enabled',
      'renewed',
      'rescheduled',
      'revoked',
      'signed_out_everywhere',
      'updated',
    ];
    const kinds = [
      'calendar_token',
      'goal',
      'invitation',
      'lab',
      'lab_technologies',
      'measurement',
      'membership',
      'milestone',
      'milestone_baseline',
      'milestone_dependency',
      'organisation',
      'participation',
      'progress_update',
      'user',
    ];
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const a of actions) expect(messagesOf(locale).actions![a], `${locale} ${a}`).toBeTruthy();
      for (const k of kinds) expect(messagesOf(locale).kinds![k], `${locale} ${k}`).toBeTruthy();
    }
    for (const [pair] of written.entries()) {
      const [a, k] = pair.split('/');
      expect(actions, pair).toContain(a);
      expect(kinds, pair).toContain(k);
    }
  });
});

describe('the audit log', () => {
  it('names referenced records, words codes and formats times as the rest of the app, in both languages', async () => {
    await aWeekOfChanges();
    const pages = {
      en: await callerAs(db, 'manager@demo.local', 'en').audit.list({ labId }),
      'zh-CN': await callerAs(db, 'manager@demo.local', 'zh-CN').audit.list({ labId }),
    };
    const page = pages['zh-CN'];
    const changesOf = (locale: 'en' | 'zh-CN', action: string, kind: string) => {
      const page = pages[locale];
      const e = page.entries.find((x) => x.action === action && x.entityType === kind)!;
      return new Map(auditChanges(wording(locale), e.before, e.after, page.names).map((c) => [c.field, c]));
    };
    const owner = changesOf('en', 'updated', 'milestone').get('ownerOrganisationId')!;
    expect(owner).toMatchObject({ label: 'owner', after: org('Xiaomi').nameEn });
    expect(changesOf('zh-CN', 'updated', 'milestone').get('ownerOrganisationId')).toMatchObject({
      label: '负责单位',
      after: org('Xiaomi').nameZh,
    });

    const invited = changesOf('zh-CN', 'created', 'invitation');
    expect(invited.get('role')?.after).toBe('成员');
    expect(invited.get('organisationId')?.after).toBe(org('Tianma').nameZh);
    // "2026-12-14T18:19:14.474Z" reads as a date and time like every other on the page.
    expect(invited.get('expiresAt')?.after).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    const enInvited = changesOf('en', 'created', 'invitation');
    expect(enInvited.get('expiresAt')?.after).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/);

    const goal = page.entries.find((e) => e.entityType === 'goal' && e.action === 'created');
    if (goal) {
      const zh = new Map(auditChanges(wording('zh-CN'), goal.before, goal.after, page.names).map((c) => [c.field, c.after]));
      for (const field of ['itemKind', 'unit', 'direction']) expect(zh.get(field), field).not.toMatch(/^[a-z_]+$/);
    }
    expect(auditTime(wording('zh-CN'), new Date('2026-12-04T11:00:00Z'))).toBe('2026年12月4日 19:00');
  });

  it('does not name another lab’s milestones, nor people outside the lab', async () => {
    const steel = db
      .select()
      .from(milestones)
      .where(eq(milestones.labId, labIdOf(db, 'green-auto-steel')))
      .get()!;
    const own = milestoneByTitle('LTPO backplane process verification');
    const outsider = sessionUser(db, 'steel@demo.local');
    const insider = sessionUser(db, 'member@demo.local');
    // An event whose values point at records of another lab (as a bad import might write).
    recordAudit(db, {
      labId,
      actorId: null,
      action: 'updated',
      entityType: 'milestone_dependency',
      entityId: null,
      after: { predecessorId: steel.id, successorId: own.id, userId: outsider.id, recordedById: insider.id },
    });
    const page = await callerAs(db, 'manager@demo.local').audit.list({ labId });
    expect(page.names[`milestone:${own.id}`]).toBe(own.title);
    expect(page.names[`user:${insider.id}`]).toBe(insider.name);
    expect(page.names[`milestone:${steel.id}`]).toBeUndefined();
    expect(page.names[`user:${outsider.id}`]).toBeUndefined();
    const e = page.entries.find((x) => x.entityType === 'milestone_dependency' && x.actor === null)!;
    const said = new Map(auditChanges(wording('en'), e.before, e.after, page.names).map((c) => [c.field, c.after]));
    expect(said.get('predecessorId')).toBe(`#${steel.id} (no longer exists)`);
    expect(said.get('successorId')).toBe(own.title);
  });

  it('downloads as CSV in the reader’s language, changes in words', async () => {
    await aWeekOfChanges();
    const lab = db.select().from(labs).where(eq(labs.id, labId)).get()!;
    const zh = auditCsvRows(db, lab, { entityType: 'milestone' }, 'zh-CN');
    expect(zh[0]).toEqual(['编号', '时间（UTC）', '操作人', '操作', '记录类型', '记录编号', '记录', '修改前', '修改后']);
    const updated = zh.find((r) => r[3] === '更新了' && r[8]?.includes('负责单位'))!;
    expect(updated[4]).toBe('里程碑');
    expect(updated[8]).toContain(`负责单位：${org('Xiaomi').nameZh}`);
    const en = auditCsvRows(db, lab, { entityType: 'milestone' }, 'en');
    expect(en[0]![1]).toBe('Time (UTC)');
    expect(en.some((r) => r[8]?.includes(`owner: ${org('Xiaomi').nameEn}`))).toBe(true);
  });
});
