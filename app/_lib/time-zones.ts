import { DEFAULT_TIME_ZONE } from '@/server/domain/working-day';

export type TimeZoneOption = { value: string; label: string };

function offsetOf(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/**
 * Every time zone the server knows, as choices for a select: "Asia/Shanghai (GMT+8)". Made on the
 * server and handed to the form, so the browser's own (possibly other) list never disagrees with it.
 */
export function timeZoneOptions(at: Date = new Date()): TimeZoneOption[] {
  const zones = new Set([DEFAULT_TIME_ZONE, 'UTC', ...Intl.supportedValuesOf('timeZone')]);
  return [...zones].sort().map((zone) => ({ value: zone, label: `${zone.replaceAll('_', ' ')} (${offsetOf(zone, at)})` }));
}

/** The zone's name in the reader's language with its offset: "China Standard Time (GMT+8)". */
export function timeZoneLabel(locale: string, zone: string, at: Date = new Date()): string {
  const style = zone === 'UTC' || zone === 'Etc/UTC' ? 'long' : 'longGeneric';
  const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  const offset = offsetOf(zone, at);
  return name && name !== offset ? `${name} (${offset})` : offset || zone;
}
