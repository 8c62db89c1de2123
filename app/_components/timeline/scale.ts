import { scaleUtc } from 'd3-scale';
import { utcDay, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';
import { parseIsoDate } from '@/server/domain/dates';
import type { TimelineZoom } from './types';

// Pixels per day and tick intervals per zoom level; d3 does every date computation.
const ZOOM: Record<TimelineZoom, { pxPerDay: number; major: CountableTimeInterval; minor: CountableTimeInterval }> = {
  month: { pxPerDay: 4, major: utcYear, minor: utcMonth },
  quarter: { pxPerDay: 1.4, major: utcYear, minor: utcMonth.every(3)! as CountableTimeInterval },
  year: { pxPerDay: 0.42, major: utcYear, minor: utcMonth.every(3)! as CountableTimeInterval },
};

/** Widest chart we draw; a very long plan is compressed rather than made unreadably wide. */
const MAX_WIDTH = 16_000;

// Positions are written with one decimal: finer is invisible, and a page sends every digit twice (HTML and RSC payload).
const tenth = (v: number) => Math.round(v * 10) / 10;

export type TimeAxis = ReturnType<typeof timeAxis>;

/**
 * The time scale for the dates shown, padded to whole ticks, with the major and minor ticks.
 * `fitWidth` spreads the dates over that many pixels instead of the zoom's pixels per day.
 */
export function timeAxis(dates: readonly string[], zoom: TimelineZoom, fitWidth?: number) {
  const { pxPerDay, major, minor } = ZOOM[zoom];
  const parsed = dates.map(parseIsoDate);
  const min = new Date(Math.min(...parsed.map((d) => d.getTime())));
  const max = new Date(Math.max(...parsed.map((d) => d.getTime())));
  const start = minor.floor(utcDay.offset(min, -7));
  const end = minor.ceil(utcDay.offset(max, 14));
  const days = utcDay.count(start, end);
  const width = fitWidth ?? Math.min(MAX_WIDTH, Math.max(480, Math.round(days * pxPerDay)));
  const scale = scaleUtc().domain([start, end]).range([0, width]);
  return {
    width,
    /** x of the start of a calendar day. */
    x: (iso: string) => tenth(scale(parseIsoDate(iso))),
    /** x of the end of a calendar day (dates are inclusive). */
    xEnd: (iso: string) => tenth(scale(utcDay.offset(parseIsoDate(iso), 1))),
    majorTicks: major.range(major.ceil(start), end).map((d) => ({ date: d, x: tenth(scale(d)) })),
    minorTicks: minor.range(start, end).map((d) => ({ date: d, x: tenth(scale(d)), next: tenth(scale(minor.offset(d, 1))) })),
  };
}
