import superjson from 'superjson';

// How values cross the wire in each direction (tRPC's "different transformers for upload and
// download"). Inputs are small forms: superjson, as scripts and tests already write them.
//
// Answers can be large (a 320-milestone timeline is 270 kB) and are almost all plain JSON, so they
// go as the JSON itself, which tRPC's own JSON.stringify writes in one native pass, plus a list of
// the few values JSON cannot hold (dates, undefined, NaN and ±Infinity, -0, Map, Set) with where
// they are. Finding those is one walk that builds nothing; on the large timeline the answer costs
// 1.1 ms of CPU against devalue's 4.8 (its string, escaped again inside tRPC's JSON), and the
// browser reads it with JSON.parse and a few assignments (decision 020).
// Pure, so the browser's client (app/_trpc/client.tsx) uses this very object.

type Path = (string | number)[];
/** A value JSON cannot hold, at `path`: what JSON.stringify wrote there is replaced on arrival. */
type Note =
  | [path: Path, kind: 'date']
  | [path: Path, kind: 'undefined']
  | [path: Path, kind: 'number', text: 'NaN' | 'Infinity' | '-Infinity' | '-0']
  | [path: Path, kind: 'map' | 'set', entries: Answer];
/** An answer on the wire: JSON, and the notes of what JSON alone would lose (absent when nothing). */
export type Answer = { json: unknown; meta?: Note[] };

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function refuse(what: string, path: Path): never {
  throw new TypeError(`An answer cannot carry ${what} (at ${path.length ? path.join('.') : 'the top'})`);
}

/** Notes every value under `value` that JSON would lose or change; refuses what it cannot carry. */
function note(value: unknown, path: Path, notes: Note[]): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) notes.push([[...path], 'number', String(value) as 'NaN' | 'Infinity' | '-Infinity']);
      else if (value === 0 && 1 / value < 0) notes.push([[...path], 'number', '-0']);
      return;
    case 'undefined':
      notes.push([[...path], 'undefined']);
      return;
    case 'object':
      break;
    default:
      refuse(`a ${typeof value}`, path);
  }
  if (value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      note(value[i], path, notes);
      path.pop();
    }
  } else if (value instanceof Date) {
    notes.push([[...path], 'date']);
  } else if (value instanceof Map || value instanceof Set) {
    notes.push([[...path], value instanceof Map ? 'map' : 'set', serializeAnswer([...value])]);
  } else if (isPlainObject(value)) {
    for (const key in value) {
      // As devalue did: a key that names the prototype is refused rather than sent.
      if (key === '__proto__') refuse('a __proto__ key', path);
      path.push(key);
      note((value as Record<string, unknown>)[key], path, notes);
      path.pop();
    }
  } else {
    refuse(`a ${value.constructor?.name ?? 'class instance'}`, path);
  }
}

export function serializeAnswer(value: unknown): Answer {
  const notes: Note[] = [];
  note(value, [], notes);
  // At the top, undefined has no JSON at all: null stands in for it.
  return notes.length ? { json: value === undefined ? null : value, meta: notes } : { json: value };
}

function revive(json: unknown, [, kind, extra]: Note): unknown {
  switch (kind) {
    case 'date':
      // JSON.stringify writes an invalid date as null.
      return new Date(typeof json === 'string' ? json : NaN);
    case 'undefined':
      return undefined;
    case 'number':
      return extra === '-0' ? -0 : Number(extra);
    case 'map':
      return new Map(deserializeAnswer(extra) as [unknown, unknown][]);
    case 'set':
      return new Set(deserializeAnswer(extra) as unknown[]);
  }
}

export function deserializeAnswer(answer: Answer): unknown {
  let root = answer.json;
  for (const n of answer.meta ?? []) {
    const path = n[0];
    if (path.length === 0) {
      root = revive(root, n);
      continue;
    }
    let parent = root as Record<string | number, unknown>;
    for (let i = 0; i < path.length - 1; i++) parent = parent[path[i]!] as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    parent[key] = revive(parent[key], n);
  }
  return root;
}

export const transformer = {
  input: superjson,
  output: { serialize: serializeAnswer, deserialize: (answer: Answer) => deserializeAnswer(answer) },
};
