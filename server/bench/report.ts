import type { LoadResult } from './load';
import type { Scenario, ScenarioKey } from './scenarios';

// Turns the rounds of a benchmark run into one row per scenario (medians of the rounds, errors
// summed), the ratios the targets are stated in, and the verdict on each target.

export type RoundResult = LoadResult & { round: number; cpuMsPerRequest: number | null };

export type Row = {
  scale: number;
  key: ScenarioKey;
  label: string;
  kind: Scenario['kind'];
  rounds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number | null;
  bytesPerRequest: number;
  /** requests/s against the floor's (same round set), where the scenario has a floor. */
  ratioToFloor: number | null;
  floor: ScenarioKey | null;
};

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarise(scale: number, scenario: Scenario, rounds: RoundResult[]): Row {
  const cpu = rounds.map((r) => r.cpuMsPerRequest).filter((v): v is number => v !== null);
  return {
    scale,
    key: scenario.key,
    label: scenario.label,
    kind: scenario.kind,
    rounds: rounds.length,
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p95: median(rounds.map((r) => r.p95)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    cpuMsPerRequest: cpu.length ? median(cpu) : null,
    bytesPerRequest: median(rounds.map((r) => r.bytesPerRequest)),
    ratioToFloor: null,
    floor: scenario.floor ?? null,
  };
}

/** Fills in each row's ratio to its floor, measured at the same scale in the same run. */
export function withFloorRatios(rows: Row[]): Row[] {
  return rows.map((row) => {
    const floor = row.floor ? rows.find((r) => r.scale === row.scale && r.key === row.floor) : undefined;
    return { ...row, ratioToFloor: floor ? row.rps / floor.rps : null };
  });
}

export type Growth = { key: ScenarioKey; label: string; p50Small: number; p50Large: number; p50Ratio: number; p95Ratio: number };

/** Latency of each read scenario at the largest scale against the smallest. */
export function growth(rows: Row[], small: number, large: number): Growth[] {
  return rows
    .filter((r) => r.scale === large && r.kind === 'read')
    .flatMap((large) => {
      const smallRow = rows.find((r) => r.scale === small && r.key === large.key);
      if (!smallRow) return [];
      return [
        {
          key: large.key,
          label: large.label,
          p50Small: smallRow.p50,
          p50Large: large.p50,
          p50Ratio: large.p50 / smallRow.p50,
          p95Ratio: large.p95 / smallRow.p95,
        },
      ];
    });
}

export type WriteCheck = { scenario: ScenarioKey; acknowledged: number; rowsAdded: number; auditAdded: number; lost: number };

export type Verdict = { target: string; measured: string; met: boolean };

export function verdicts(rows: Row[], growthRows: Growth[], writes: WriteCheck[], largest: number, freshnessOk: boolean): Verdict[] {
  const at = (key: ScenarioKey) => rows.find((r) => r.scale === largest && r.key === key);
  const out: Verdict[] = [];
  const timeline = at('timeline');
  if (timeline?.ratioToFloor != null)
    out.push({
      target: 'timeline over tRPC ≥ 0.5 × node:http floor req/s, fresh data',
      measured: `${timeline.ratioToFloor.toFixed(2)} ×, a write was ${freshnessOk ? '' : 'NOT '}visible to the next read`,
      met: timeline.ratioToFloor >= 0.5 && freshnessOk,
    });
  for (const row of rows.filter((r) => r.kind === 'read'))
    out.push({
      target: `${row.label} (scale ${row.scale}): p95 ≤ 100 ms, 0 errors`,
      measured: `p95 ${row.p95.toFixed(0)} ms, ${row.errors} errors`,
      met: row.p95 <= 100 && row.errors === 0,
    });
  const factSheet = at('factSheet');
  if (factSheet?.ratioToFloor != null)
    out.push({
      target: 'public fact sheet ≥ 0.8 × static file req/s',
      measured: `${factSheet.ratioToFloor.toFixed(2)} ×`,
      met: factSheet.ratioToFloor >= 0.8,
    });
  const writesRow = at('writes');
  if (writesRow?.ratioToFloor != null) {
    const lost = writes.reduce((sum, w) => sum + w.lost, 0);
    out.push({
      target: 'writes ≥ 0.3 × insert floor req/s, 0 errors, 0 lost',
      measured: `${writesRow.ratioToFloor.toFixed(2)} ×, ${writesRow.errors} errors, ${lost} lost`,
      met: writesRow.ratioToFloor >= 0.3 && writesRow.errors === 0 && lost === 0,
    });
  }
  for (const g of growthRows)
    out.push({
      target: `growth: ${g.label} latency at the large scale ≤ 1.5 × small`,
      measured: `p50 ${g.p50Ratio.toFixed(2)} ×, p95 ${g.p95Ratio.toFixed(2)} ×`,
      met: g.p50Ratio <= 1.5,
    });
  return out;
}

const num = (v: number | null, digits = 0) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(digits));

export function table(rows: Row[]): string {
  const header = ['scale', 'scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'vs floor', 'CPU ms/req', 'KiB/resp'];
  const lines = rows.map((r) => [
    String(r.scale),
    r.label,
    num(r.rps),
    num(r.p50, 1),
    num(r.p95, 1),
    num(r.p99, 1),
    String(r.errors),
    r.ratioToFloor === null ? '' : `${r.ratioToFloor.toFixed(2)} ×`,
    num(r.cpuMsPerRequest, 2),
    num(r.bytesPerRequest / 1024, 1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [format(header), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}
