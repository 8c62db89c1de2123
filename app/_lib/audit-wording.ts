import { REFERENCE_FIELDS } from '@/server/domain/audit-fields';
import { localizedName } from '@/server/domain/names';
import { formatIsoDate } from './dates';
import type { I18n } from './i18n';

// How the audit log and the activity feed put an event's fields and values into words (issue 23.7,
// 24.4): every field has a label in both languages, a referenced record is named by its name,
// enumerations are words, dates and times are formatted as everywhere else. Shared by the pages
// and the audit CSV, so both say the same.

/** Fields whose values are codes, and the message namespaces that name them (the first that knows a value wins). */
const ENUM_FIELDS: Record<string, string[]> = {
  status: ['enums.milestoneStatus', 'enums.labStatus'],
  health: ['enums.health'],
  role: ['enums.labRole', 'enums.participationRole'],
  visibility: ['enums.visibility'],
  phase: ['enums.stage'],
  stage: ['enums.stage'],
  sector: ['enums.sector'],
  type: ['enums.organisationType'],
  tier: ['enums.organisationTier'],
  chainPosition: ['enums.chainPosition'],
  itemKind: ['goals.itemKind'],
  unit: ['goals.unit'],
  direction: ['goals.direction'],
  locale: ['activity.locales'],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export type AuditWording = I18n & { has(key: string): boolean };

import type { ReferenceNames } from '@/server/domain/audit-fields';
export type { ReferenceNames };

/** The label of a field in the reader's language; a field nobody labelled shows its key, as a last resort. */
export function auditFieldLabel(w: AuditWording, field: string): string {
  return w.has(`activity.fields.${field}`) ? w.t(`activity.fields.${field}`) : field;
}

export function auditActionLabel(w: AuditWording, action: string): string {
  return w.has(`activity.actions.${action}`) ? w.t(`activity.actions.${action}`) : action;
}

export function auditKindLabel(w: AuditWording, type: string): string {
  return w.has(`activity.kinds.${type}`) ? w.t(`activity.kinds.${type}`) : type;
}

/** A time of day as the rest of the app shows one ("8 Dec 2026, 19:26"), in the reader's zone. */
export function auditTime(w: AuditWording, at: Date): string {
  return w.format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short' });
}

function excerpt(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value as a person reads it: names for ids, words for codes, dates and numbers in the reader's locale. */
export function auditValue(w: AuditWording, field: string, value: unknown, names: ReferenceNames = {}): string {
  const empty = w.t('activity.empty_value');
  if (value === null || value === undefined || value === '') return empty;
  const ref = REFERENCE_FIELDS[field];
  if (ref) {
    const ids = Array.isArray(value) ? value : [value];
    if (ids.length === 0) return empty;
    return w.format.list(
      ids.map((id) => names[`${ref}:${String(id)}`] ?? w.t('activity.missingRecord', { id: String(id) })),
      { type: 'conjunction' },
    );
  }
  if (typeof value === 'boolean') return value ? w.t('activity.yes') : w.t('activity.no');
  if (typeof value === 'number') {
    if (field === 'percentComplete') return w.format.number(value / 100, { style: 'percent', maximumFractionDigits: 1 });
    if (field === 'lagDays') return w.t('activity.days', { count: value });
    if (field === 'budgetCny') return w.format.number(value, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
    // Stored floats (a tolerance of 0.1 + 0.2) read as people wrote them.
    return w.format.number(value, { maximumFractionDigits: 6 });
  }
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return formatIsoDate(w.format, value);
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return auditTime(w, new Date(value));
    for (const ns of ENUM_FIELDS[field] ?? []) if (w.has(`${ns}.${value}`)) return w.t(`${ns}.${value}`);
    return excerpt(value);
  }
  if (Array.isArray(value))
    return value.length
      ? w.format.list(
          value.map((v) => auditValue(w, field, v, names)),
          { type: 'unit' },
        )
      : empty;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // A named thing (a key technology): its name in the reader's language.
    if (typeof o.nameEn === 'string' && Object.keys(o).every((k) => k === 'nameEn' || k === 'nameZh'))
      return localizedName(w.locale, o.nameEn, typeof o.nameZh === 'string' ? o.nameZh : null);
    // A nested record (the duplicate of a merge, counts of what moved): its fields in words.
    const parts = Object.entries(o)
      .filter(([k]) => k !== 'id' && k !== 'version' && k !== 'createdAt' && k !== 'updatedAt')
      .map(([k, v]) => w.t('activity.pair', { field: auditFieldLabel(w, k), value: auditValue(w, k, v, names) }));
    return parts.length ? parts.join(w.t('activity.pairSeparator')) : empty;
  }
  return String(value);
}

/** Every field an event changed, with its before and after in words, in a steady order. */
export function auditChanges(
  w: AuditWording,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  names: ReferenceNames = {},
) {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => ({
    field,
    label: auditFieldLabel(w, field),
    before: before ? auditValue(w, field, before[field], names) : '',
    after: after ? auditValue(w, field, after[field], names) : '',
  }));
}
