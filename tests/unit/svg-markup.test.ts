import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartSvg, type GoalChartLabels } from '@/app/_components/goal-chart/GoalChart';
import { buildGoalChart, NARROW, WIDE, type ChartGoal } from '@/app/_components/goal-chart/geometry';
import { svgMarkup } from '@/app/_components/svg-markup';

// svgMarkup must write exactly what react-dom/server writes for the same drawing: the charts are
// sent as markup strings, and a difference would show as a different picture.

const labels: GoalChartLabels = {
  measured: 'Measured',
  trajectory: 'Planned trajectory',
  tolerance: 'Within tolerance',
  target: 'Target',
  baseline: 'Baseline',
  today: 'Today',
  date: 'Date',
  value: 'Value',
  expected: 'Expected',
  tableCaption: 'Measurements',
  noData: 'No data yet',
};

const raise: ChartGoal = {
  direction: 'raise',
  baselineValue: 8,
  baselineDate: '2024-01-01',
  targetValue: 30,
  targetDate: '2026-12-31',
  tolerance: 2.2,
  floor: 0,
  ceiling: 100,
};
const lower: ChartGoal = { ...raise, direction: 'lower', baselineValue: 2000, targetValue: 1400, floor: 0, ceiling: undefined };

const cases = [
  {
    name: 'raise, several points, English',
    goal: raise,
    points: [8.5, 11, 14.2].map((value, i) => ({ asOf: `2024-0${i + 3}-15`, value })),
    locale: 'en',
    unit: '%',
  },
  { name: 'lower, Chinese', goal: lower, points: [{ asOf: '2025-05-01', value: 1800 }], locale: 'zh-CN', unit: 'kg CO₂e/t' },
  { name: 'no measurements', goal: raise, points: [], locale: 'en', unit: '%' },
];

describe('svgMarkup', () => {
  for (const size of [WIDE, NARROW])
    for (const c of cases)
      it(`writes what react-dom/server writes for a goal chart (${c.name}, ${size.width} wide)`, () => {
        const geometry = buildGoalChart(c.goal, c.points, '2025-06-30', size);
        const element = createElement(ChartSvg, {
          geometry,
          goal: c.goal,
          points: c.points,
          today: '2025-06-30',
          locale: c.locale,
          unitSuffix: c.unit,
          title: 'Domestic share <of> "OLED" & materials',
          labels: { ...labels, target: 'Target & <goal>' },
        });
        const markup = svgMarkup(element);
        expect(markup).toBe(renderToStaticMarkup(element));
        expect(markup.startsWith('<svg')).toBe(true);
      });

  it('escapes text and attributes, drops empty values, and writes aria and data booleans as React does', () => {
    const element = createElement(
      'svg',
      { viewBox: '0 0 10 10', 'aria-hidden': true, 'data-point': true, className: 'a' },
      createElement(Fragment, null, 'x < y & "z"', 3, null, false, undefined),
      createElement('text', { textAnchor: 'end', fontSize: 11, strokeDasharray: '2 3', dy: undefined, tabIndex: 0 }, "it's"),
    );
    expect(svgMarkup(element)).toBe(renderToStaticMarkup(element));
  });

  it('refuses what it cannot write faithfully instead of writing something else', () => {
    expect(() => svgMarkup(createElement('rect', { style: { fill: 'red' } }))).toThrow(/style/);
    expect(() => svgMarkup(createElement('rect', { onClick: () => undefined }))).toThrow(/onClick/);
  });
});
