import type { LoadResult } from './load';
import type { Scenario, ScenarioKey } from './scenarios';

// Turns the rounds of a benchmark run into one row per scenario (medians of the rounds, errors
// summed), the ratios the targets are stated in, and the verdict on each target.

export type RoundResult = LoadResult & { round: number; cpuMsPerRequest: number | null };

export type Row = {
  scale: number;
  /** Server processes of the app that answered (the floors run as many). */
  workers: number;
  /** Closed loop (connections that wait for their answer) or open loop at `rate` requests/s. */
  mode: 'closed' | 'open';
  rate: number | null;
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

export type RunShape = { scale: number; workers: number; mode: 'closed' | 'open'; rate: number | null };

export function summarise(shape: RunShape, scenario: Scenario, rounds: RoundResult[]): Row {
  const cpu = rounds.map((r) => r.cpuMsPerRequest).filter((v): v is number => v !== null);
  return {
    ...shape,
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

/** Fills in each closed-loop row's ratio to its floor, measured at the same scale and process count in the same run. */
export function withFloorRatios(rows: Row[]): Row[] {
  return rows.map((row) => {
    const floor =
      row.floor && row.mode === 'closed'
        ? rows.find((r) => r.mode === 'closed' && r.scale === row.scale && r.workers === row.workers && r.key === row.floor)
        : undefined;
    return { ...row, ratioToFloor: floor ? row.rps / floor.rps : null };
  });
}

export type Growth = { key: ScenarioKey; label: string; p50Small: number; p50Large: number; p50Ratio: number; p95Ratio: number };

/** Latency of each read scenario at the largest scale against the smallest (closed loop, same process count). */
export function growth(rows: Row[], small: number, large: number): Growth[] {
  return rows
    .filter((r) => r.scale === large && r.kind === 'read' && r.mode === 'closed')
    .flatMap((large) => {
      const smallRow = rows.find((r) => r.scale === small && r.key === large.key && r.mode === 'closed' && r.workers === large.workers);
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

/** Requests/s of each read scenario with the full process count against one process, same scale and run. */
export type CoreScaling = { key: ScenarioKey; label: string; workers: number; rpsMany: number; rpsOne: number; ratio: number };

export function coreScaling(rows: Row[], scale: number, workers: number): CoreScaling[] {
  return rows
    .filter((r) => r.scale === scale && r.mode === 'closed' && r.kind === 'read' && r.workers === workers)
    .flatMap((many) => {
      const one = rows.find((r) => r.scale === scale && r.mode === 'closed' && r.key === many.key && r.workers === 1);
      return one ? [{ key: many.key, label: many.label, workers, rpsMany: many.rps, rpsOne: one.rps, ratio: many.rps / one.rps }] : [];
    });
}

export const OPEN_LOOP_P95_MS = 100;
export const WORKSPACE_CPU_MS = 25;

export function verdicts(
  rows: Row[],
  growthRows: Growth[],
  cores: CoreScaling[],
  writes: WriteCheck[],
  largest: number,
  workers: number,
  freshnessOk: boolean,
): Verdict[] {
  const at = (key: ScenarioKey) => rows.find((r) => r.scale === largest && r.workers === workers && r.mode === 'closed' && r.key === key);
  const out: Verdict[] = [];
  for (const row of rows.filter((r) => r.mode === 'open'))
    out.push({
      target: `${row.label} at ${row.rate} req/s (scale ${row.scale}): p95 ≤ ${OPEN_LOOP_P95_MS} ms, 0 errors`,
      measured: `p50 ${row.p50.toFixed(1)} · p95 ${row.p95.toFixed(1)} · p99 ${row.p99.toFixed(1)} ms, ${row.errors} errors, ${row.rps.toFixed(1)} req/s sent`,
      met: row.p95 <= OPEN_LOOP_P95_MS && row.errors === 0 && row.rps >= 0.95 * (row.rate ?? 0),
    });
  const timeline = at('timeline');
  if (timeline?.ratioToFloor != null)
    out.push({
      target: 'timeline over tRPC ≥ 0.5 × node:http floor req/s, fresh data',
      measured: `${timeline.ratioToFloor.toFixed(2)} ×, a write was ${freshnessOk ? '' : 'NOT '}visible to the next read`,
      met: timeline.ratioToFloor >= 0.5 && freshnessOk,
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
  for (const c of cores)
    out.push({
      target: `cores: ${c.label} with ${c.workers} processes ≥ 1.5 × the req/s of 1`,
      measured: `${c.rpsMany.toFixed(0)} against ${c.rpsOne.toFixed(0)} req/s = ${c.ratio.toFixed(2)} ×`,
      met: c.ratio >= 1.5,
    });
  const workspace = at('workspace');
  if (workspace?.cpuMsPerRequest != null)
    out.push({
      target: `workspace page of a member of 5 labs: ≤ ${WORKSPACE_CPU_MS} ms of server CPU per request (scale ${largest})`,
      measured: `${workspace.cpuMsPerRequest.toFixed(1)} ms`,
      met: workspace.cpuMsPerRequest <= WORKSPACE_CPU_MS,
    });
  return out;
}

const num = (v: number | null, digits = 0) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(digits));

export function table(rows: Row[]): string {
  const header = ['scale', 'procs', 'load', 'scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'vs floor', 'CPU ms/req', 'KiB/resp'];
  const lines = rows.map((r) => [
    String(r.scale),
    String(r.workers),
    r.mode === 'open' ? `${r.rate}/s` : 'closed',
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
  const format = (cells: string[]) => cells.map((c, i) => (i === 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [format(header), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}
