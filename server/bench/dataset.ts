import type Database from 'better-sqlite3';
import { addDays } from '../domain/dates';
import {
  GOAL_UNITS,
  ITEM_KINDS,
  MILESTONE_STATUSES,
  ORGANISATION_TIERS,
  ORGANISATION_TYPES,
  PARTICIPATION_ROLES,
  SECTORS,
  STAGES,
} from '@/common/enums';

// A deterministic national-scale dataset for benchmarks: the same seed and scale always give the
// same rows. Dates are anchored to a fixed day so two runs on different days still match.

export const BENCH_ANCHOR = '2026-07-01';
export const BENCH_PASSWORD = 'bench-password';
export const BENCH_MEMBER = 'bench-member@bench.local';
export const BENCH_MANAGER = 'bench-manager@bench.local';
export const BENCH_BIG_LAB = 'bench-lab-0001';

export type BenchCounts = Record<string, number>;

/** Small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const PLACES = [
  ['Beijing', '北京'],
  ['Shanghai', '上海'],
  ['Shenzhen', '深圳'],
  ['Wuhan', '武汉'],
  ['Hefei', '合肥'],
  ['Xi’an', '西安'],
  ['Chengdu', '成都'],
  ['Tianjin', '天津'],
  ['Suzhou', '苏州'],
  ['Hangzhou', '杭州'],
  ['Changsha', '长沙'],
  ['Shenyang', '沈阳'],
] as const;
const PROVINCES = [
  'Beijing',
  'Shanghai',
  'Guangdong',
  'Hubei',
  'Anhui',
  'Shaanxi',
  'Sichuan',
  'Tianjin',
  'Jiangsu',
  'Zhejiang',
  'Hunan',
  'Liaoning',
  'Hebei',
  'Shandong',
];
const FIELDS = [
  ['Display', '显示', 'OLED display', 'OLED显示'],
  ['Semiconductor', '半导体', 'Integrated circuits', '集成电路'],
  ['Battery', '电池', 'Power batteries', '动力电池'],
  ['Steel', '钢铁', 'Automotive steel', '汽车用钢'],
  ['Robotics', '机器人', 'Industrial robots', '工业机器人'],
  ['Machine Tool', '机床', 'CNC machine tools', '数控机床'],
  ['Materials', '材料', 'Advanced materials', '先进材料'],
  ['Aviation', '航空', 'Civil aircraft', '民用航空'],
  ['Photovoltaic', '光伏', 'Solar modules', '光伏组件'],
  ['Biopharma', '生物医药', 'Biologic drugs', '生物药'],
] as const;
const KINDS = [
  ['Technology', '科技'],
  ['Materials', '材料'],
  ['Precision', '精密'],
  ['Electronics', '电子'],
  ['Equipment', '装备'],
  ['Intelligent Manufacturing', '智能制造'],
] as const;
const ITEMS = [
  ['evaporation materials', '蒸镀材料'],
  ['photoresist', '光刻胶'],
  ['bearings', '轴承'],
  ['servo motors', '伺服电机'],
  ['lithography lenses', '光刻镜头'],
  ['carbon fibre', '碳纤维'],
  ['industrial software', '工业软件'],
  ['vacuum pumps', '真空泵'],
  ['sensors', '传感器'],
  ['separator film', '隔膜'],
] as const;
const VERBS = ['Verify', 'Qualify', 'Prototype', 'Pilot', 'Scale up', 'Design review for', 'Ramp up', 'Test'];
const WORDS = 'yield line supplier batch trial sample review qualification ramp cost defect test report schedule customer audit plan'.split(
  ' ',
);

function sentence(r: ReturnType<typeof rng>, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(r.pick(WORDS));
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/**
 * How many milestones a lab has: most have a few dozen, one in a hundred has hundreds (lab 1, 101,
 * 201, …). Labs 2–5, the bench member's other labs, have exactly the average at every scale, so
 * the member's workspace and the fact sheet of lab 2 have the same shape at scale 0.1 and 1 and
 * the growth comparison measures the size of the tables, not a different lab.
 */
function milestonesFor(index: number, r: ReturnType<typeof rng>, target: number, labs: number): number {
  if (index % 100 === 0) return 320;
  if (index < 5) return Math.round(target / labs);
  return Math.max(6, Math.round((target / labs) * (0.4 + r.next() * 1.2)));
}

export function generateBenchDataset(db: Database.Database, options: { scale: number; seed?: number; passwordHash: string }): BenchCounts {
  const { scale, passwordHash } = options;
  const r = rng(options.seed ?? 20260701);
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  const labCount = n(500);
  const orgCount = n(3000);
  const userCount = n(20000);
  const milestoneTarget = n(25000);
  const goalTarget = n(5000);
  const measurementTarget = n(100000);
  const updateTarget = n(250000);
  const auditTarget = n(1000000);
  const baseMs = Date.parse(`${BENCH_ANCHOR}T00:00:00Z`);
  const day = (offset: number) => addDays(BENCH_ANCHOR, offset);
  const counts: BenchCounts = {};
  const bump = (k: string, by = 1) => (counts[k] = (counts[k] ?? 0) + by);

  const insertOrg = db.prepare(
    `insert into organisations (id, legal_name, short_name, name_en, name_zh, type, tier, chain_position, region) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertUser = db.prepare(`insert into users (id, email, name, password_hash, organisation_id, is_admin) values (?, ?, ?, ?, ?, ?)`);
  const insertLab = db.prepare(
    `insert into labs (id, slug, name_en, name_zh, acronym_en, objective_en, objective_zh, sector, chain_en, chain_zh, region, stage, status, start_date, end_date, visibility)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTech = db.prepare(`insert into lab_technologies (lab_id, name_en, name_zh, position) values (?, ?, ?, ?)`);
  const insertPart = db.prepare(
    `insert into participations (lab_id, organisation_id, role, joined_on, contribution) values (?, ?, ?, ?, ?)`,
  );
  const insertMember = db.prepare(`insert or ignore into memberships (lab_id, user_id, role) values (?, ?, ?)`);
  const insertMilestone = db.prepare(
    `insert into milestones (id, lab_id, title, description, phase, owner_organisation_id, forecast_start, forecast_finish, actual_start, actual_finish, status, percent_complete, is_public)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDep = db.prepare(
    `insert or ignore into milestone_dependencies (lab_id, predecessor_id, successor_id, lag_days) values (?, ?, ?, ?)`,
  );
  const insertBaseline = db.prepare(`insert into milestone_baselines (id, lab_id, name, created_by_id, created_at) values (?, ?, ?, ?, ?)`);
  const insertBaselineItem = db.prepare(`insert into baseline_items (baseline_id, milestone_id, start, finish) values (?, ?, ?, ?)`);
  const insertGoal = db.prepare(
    `insert into goals (id, lab_id, title_en, title_zh, item_kind, item_name_en, item_name_zh, metric_en, metric_zh, unit, direction, baseline_value, baseline_date, target_value, target_date, owner_organisation_id, is_public)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertGoalMilestone = db.prepare(`insert or ignore into goal_milestones (goal_id, milestone_id) values (?, ?)`);
  const insertMeasurement = db.prepare(
    `insert into measurements (goal_id, value, as_of, source, recorded_by_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertUpdate = db.prepare(
    `insert into progress_updates (id, lab_id, author_id, body, health, is_public, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertUpdateMilestone = db.prepare(`insert or ignore into update_milestones (update_id, milestone_id) values (?, ?)`);
  const insertUpdateGoal = db.prepare(`insert or ignore into update_goals (update_id, goal_id) values (?, ?)`);
  const insertRevision = db.prepare(
    `insert into update_revisions (update_id, body, health, is_public, edited_by_id, created_at) values (?, ?, ?, ?, ?, ?)`,
  );
  const insertInvitation = db.prepare(
    `insert into invitations (lab_id, email, role, token_hash, invited_by_id, expires_at, accepted_at, revoked_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCalendarToken = db.prepare(`insert into calendar_tokens (user_id, lab_id, token_hash, created_at) values (?, ?, ?, ?)`);
  const insertLoginAttempt = db.prepare(`insert into login_attempts (email, ip, succeeded, created_at) values (?, ?, ?, ?)`);
  const insertAudit = db.prepare(
    `insert into audit_events (lab_id, actor_id, action, entity_type, entity_id, before, after, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  db.transaction(() => {
    for (let id = 1; id <= orgCount; id++) {
      const [cityEn, cityZh] = r.pick(PLACES);
      const [fieldEn, fieldZh] = r.pick(FIELDS);
      const [kindEn, kindZh] = r.pick(KINDS);
      const type = id % 9 === 0 ? 'university' : id % 7 === 0 ? 'research_institute' : r.pick(ORGANISATION_TYPES.slice(0, 1));
      insertOrg.run(
        id,
        `${cityZh}${fieldZh}${kindZh}有限公司${id}`,
        `${cityEn} ${fieldEn} ${id}`,
        `${cityEn} ${fieldEn} ${kindEn} Co. ${id}`,
        `${cityZh}${fieldZh}${kindZh}${id}`,
        type,
        r.pick(ORGANISATION_TIERS),
        r.pick(['upstream_materials', 'upstream_equipment', 'upstream_components', 'midstream_manufacturing', 'downstream_products']),
        r.pick(PROVINCES),
      );
    }
    bump('organisations', orgCount);

    insertUser.run(1, 'bench-admin@bench.local', 'Bench Admin', passwordHash, null, 1);
    insertUser.run(2, BENCH_MANAGER, 'Bench Manager', passwordHash, 1, 0);
    insertUser.run(3, BENCH_MEMBER, 'Bench Member', passwordHash, 2, 0);
    for (let id = 4; id <= userCount; id++) insertUser.run(id, `user${id}@bench.local`, `User ${id}`, passwordHash, r.int(1, orgCount), 0);
    bump('users', userCount);

    let milestoneId = 0;
    let goalId = 0;
    let updateId = 0;
    let baselineId = 0;
    const milestonesPerLab: number[] = [];
    for (let lab = 1; lab <= labCount; lab++) milestonesPerLab.push(milestonesFor(lab - 1, r, milestoneTarget, labCount));
    const goalsPerLab = Math.max(1, Math.round(goalTarget / labCount));
    const measurementsPerGoal = Math.max(1, Math.round(measurementTarget / (goalsPerLab * labCount)));
    const updatesPerLab = Math.max(1, Math.round(updateTarget / labCount));
    const auditPerLab = Math.max(1, Math.round(auditTarget / labCount));

    for (let lab = 1; lab <= labCount; lab++) {
      const [fieldEn, fieldZh, chainEn, chainZh] = r.pick(FIELDS);
      const [cityEn, cityZh] = r.pick(PLACES);
      const slug = `bench-lab-${String(lab).padStart(4, '0')}`;
      const start = -r.int(200, 1500);
      insertLab.run(
        lab,
        slug,
        `${cityEn} ${fieldEn} Innovation Consortium ${lab}`,
        `${cityZh}${fieldZh}创新联合体${lab}`,
        `${fieldEn.slice(0, 3).toUpperCase()}${lab}`,
        `Break through key ${chainEn.toLowerCase()} technologies and localize the supply chain (${sentence(r, 8)})`,
        `突破${chainZh}关键技术，推动供应链国产化。`,
        r.pick(SECTORS),
        chainEn,
        chainZh,
        r.pick(PROVINCES),
        r.pick(STAGES),
        r.pick(['planning', 'active', 'active', 'active', 'completed', 'suspended']),
        day(start),
        day(start + r.int(900, 2400)),
        lab % 3 === 0 ? 'private' : 'public',
      );
      for (let t = 0; t < 3; t++) {
        const [itemEn, itemZh] = r.pick(ITEMS);
        insertTech.run(lab, `Domestic ${itemEn}`, `国产${itemZh}`, t);
      }
      const partnerOrgs = new Set<number>();
      while (partnerOrgs.size < r.int(2, 8)) partnerOrgs.add(r.int(1, orgCount));
      [...partnerOrgs].forEach((org, i) =>
        insertPart.run(lab, org, i === 0 ? 'lead' : r.pick(PARTICIPATION_ROLES.slice(1)), day(start), sentence(r, 6)),
      );

      // Members: a manager, a few members and viewers; the bench member belongs to labs 1–5.
      const managerId = r.int(4, userCount);
      insertMember.run(lab, managerId, 'manager');
      if (lab <= 5) insertMember.run(lab, 3, 'member');
      if (lab <= 5) insertMember.run(lab, 2, 'manager');
      const members = [managerId];
      for (let m = 0; m < r.int(3, 12); m++) {
        const user = r.int(4, userCount);
        insertMember.run(lab, user, r.chance(0.7) ? 'member' : 'viewer');
        members.push(user);
      }
      bump('labs');

      // Milestones spread across the phases, dependencies only forward (a DAG), two baselines.
      const count = milestonesPerLab[lab - 1]!;
      const firstId = milestoneId + 1;
      const spans: [string, string][] = [];
      for (let i = 0; i < count; i++) {
        milestoneId++;
        const phase = STAGES[Math.min(STAGES.length - 1, Math.floor((i / count) * STAGES.length))]!;
        const fs = start + Math.round((i / count) * 1500) + r.int(0, 60);
        const ff = fs + r.int(10, 150);
        const inPast = ff < -30;
        const status = inPast
          ? r.chance(0.9)
            ? 'done'
            : 'at_risk'
          : fs < 0
            ? r.pick(['in_progress', 'in_progress', 'at_risk'])
            : r.pick(MILESTONE_STATUSES.slice(0, 2));
        const done = status === 'done';
        insertMilestone.run(
          milestoneId,
          lab,
          `${r.pick(VERBS)} ${r.pick(ITEMS)[0]} ${i + 1}`,
          sentence(r, 10),
          phase,
          [...partnerOrgs][i % partnerOrgs.size],
          day(fs),
          day(ff),
          fs < 0 ? day(fs + r.int(0, 5)) : null,
          done ? day(ff + r.int(-5, 20)) : null,
          status,
          done ? 100 : status === 'not_started' ? 0 : r.int(5, 95),
          r.chance(0.6) ? 1 : 0,
        );
        spans.push([day(fs - r.int(0, 20)), day(ff - r.int(0, 40))]);
        bump('milestones');
      }
      const deps = Math.round(count * (count >= 300 ? 1.3 : 1.1));
      for (let d = 0; d < deps && count > 1; d++) {
        const succ = r.int(1, count - 1);
        const pred = r.int(Math.max(0, succ - 12), succ - 1);
        if (insertDep.run(lab, firstId + pred, firstId + succ, r.chance(0.3) ? r.int(0, 21) : 0).changes) bump('milestone_dependencies');
      }
      for (const [b, name] of [
        [0, 'Approved plan'],
        [1, 'Re-plan'],
      ] as const) {
        baselineId++;
        insertBaseline.run(baselineId, lab, name, managerId, baseMs + (start + b * 300) * 86_400_000);
        spans.forEach(([s, f], i) => insertBaselineItem.run(baselineId, firstId + i, s, f < s ? s : f));
      }

      for (let g = 0; g < goalsPerLab; g++) {
        goalId++;
        const [itemEn, itemZh] = r.pick(ITEMS);
        const raise = r.chance(0.8);
        const unit = raise ? 'percent' : r.pick(GOAL_UNITS.slice(1, 6));
        const baseline = raise ? r.int(0, 30) : r.int(500, 3000);
        const target = raise ? Math.min(100, baseline + r.int(10, 60)) : Math.round(baseline * (0.5 + r.next() * 0.3));
        const bDate = start + r.int(0, 100);
        const tDate = bDate + r.int(700, 2000);
        insertGoal.run(
          goalId,
          lab,
          `${raise ? 'Raise' : 'Lower'} the domestic share of ${itemEn}`,
          `提高${itemZh}国产化率`,
          r.pick(ITEM_KINDS),
          itemEn,
          itemZh,
          'Domestic share',
          '国产化率',
          unit,
          raise ? 'raise' : 'lower',
          baseline,
          day(bDate),
          target,
          day(tDate),
          [...partnerOrgs][0],
          r.chance(0.6) ? 1 : 0,
        );
        insertGoalMilestone.run(goalId, firstId + r.int(0, count - 1));
        insertGoalMilestone.run(goalId, firstId + r.int(0, count - 1));
        const span = Math.max(1, Math.min(-bDate, tDate - bDate));
        for (let m = 1; m <= measurementsPerGoal; m++) {
          const at = bDate + Math.round((m / measurementsPerGoal) * span);
          const progress = (at - bDate) / (tDate - bDate);
          const value = baseline + (target - baseline) * progress * (0.6 + r.next() * 0.6);
          const ts = baseMs + at * 86_400_000;
          insertMeasurement.run(goalId, Math.round(value * 10) / 10, day(Math.min(at, 0)), 'Quarterly report', r.pick(members), ts, ts);
          bump('measurements');
        }
        bump('goals');
      }

      for (let u = 0; u < updatesPerLab; u++) {
        updateId++;
        const ts = baseMs + (start + Math.round((u / updatesPerLab) * -start)) * 86_400_000 + r.int(0, 86_399_999);
        insertUpdate.run(
          updateId,
          lab,
          r.pick(members),
          `**${sentence(r, 3)}** ${sentence(r, 25)}`,
          r.pick(['on_track', 'on_track', 'at_risk', 'off_track']),
          r.chance(0.3) ? 1 : 0,
          ts,
          ts,
        );
        if (r.chance(0.5)) insertUpdateMilestone.run(updateId, firstId + r.int(0, count - 1));
        if (r.chance(0.2)) insertUpdateGoal.run(updateId, goalId - r.int(0, goalsPerLab - 1));
        // A few updates were edited: their earlier text is kept as a revision.
        if (r.chance(0.05)) {
          insertRevision.run(updateId, sentence(r, 20), 'on_track', 0, r.pick(members), ts + r.int(60_000, 86_400_000));
          bump('update_revisions');
        }
        bump('progress_updates');
      }

      // Invitations (most accepted, some revoked or pending) and members' calendar subscriptions.
      for (let i = 0; i < r.int(2, 10); i++) {
        const sent = baseMs + r.int(start, 0) * 86_400_000;
        const fate = r.next();
        insertInvitation.run(
          lab,
          `invitee${lab}-${i}@bench.local`,
          r.chance(0.8) ? 'member' : 'viewer',
          `bench-invitation-${lab}-${i}`,
          managerId,
          sent + 7 * 86_400_000,
          fate < 0.7 ? sent + 86_400_000 : null,
          fate >= 0.7 && fate < 0.85 ? sent + 2 * 86_400_000 : null,
          sent,
        );
        bump('invitations');
      }
      for (const [i, user] of members.slice(0, 3).entries()) {
        insertCalendarToken.run(user, lab, `bench-calendar-${lab}-${i}`, baseMs);
        bump('calendar_tokens');
      }

      for (let a = 0; a < auditPerLab; a++) {
        const ts = baseMs + (start + Math.round((a / auditPerLab) * -start)) * 86_400_000;
        const kind = r.pick(['milestone', 'milestone', 'measurement', 'progress_update', 'goal', 'membership']);
        insertAudit.run(
          lab,
          r.pick(members),
          r.pick(['created', 'updated', 'updated', 'deleted']),
          kind,
          r.int(1, milestoneId),
          '{"status":"in_progress"}',
          '{"status":"done"}',
          ts,
        );
        bump('audit_events');
      }
    }

    // The last day of sign-in attempts (older ones are pruned), never for the bench accounts.
    for (let i = 0; i < n(20000); i++) {
      insertLoginAttempt.run(
        `user${r.int(4, userCount)}@bench.local`,
        `198.51.${r.int(0, 255)}.${r.int(1, 254)}`,
        r.chance(0.9) ? 1 : 0,
        baseMs - r.int(0, 86_399_999),
      );
      bump('login_attempts');
    }
  })();
  return counts;
}
