import superjson, { type SuperJSONResult } from 'superjson';

// superjson on the wire, with a fast path for what procedures return: plain objects and arrays of
// strings, finite numbers, booleans, null, undefined and Dates. superjson's own serializer copies
// the whole result and records the path of every value in it; for a 320-milestone timeline that
// was a quarter of the request's CPU time (issue 9, docs/decisions/014). This one reads the result
// without copying it — JSON.stringify already writes a Date as its ISO string — and builds a path
// only for the few values superjson must annotate (Dates, undefined). The output is superjson's
// format (the browser still deserializes with superjson); anything else goes to superjson itself.

type Annotation = ['Date'] | ['undefined'];

/** Thrown inside the walk when a value needs superjson's general treatment. */
const NEEDS_SUPERJSON = Symbol('needs superjson');
const MAX_DEPTH = 200;

const escapeKey = (key: string) => key.replace(/\\/g, '\\\\').replace(/\./g, '\\.');

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function serializeResult(value: unknown): SuperJSONResult {
  const annotations: Record<string, Annotation> = {};
  let annotated = false;
  let rootAnnotation: Annotation | null = null;
  const path: (string | number)[] = [];

  const note = (annotation: Annotation) => {
    annotated = true;
    if (path.length === 0) rootAnnotation = annotation;
    else annotations[path.map((key) => (typeof key === 'number' ? key : escapeKey(key))).join('.')] = annotation;
  };

  const walk = (v: unknown, depth: number): void => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return;
      case 'number':
        // NaN, ±Infinity and -0 do not survive JSON; superjson writes them out as strings.
        if (!Number.isFinite(v) || Object.is(v, -0)) throw NEEDS_SUPERJSON;
        return;
      case 'undefined':
        note(['undefined']);
        return;
      case 'object': {
        if (v === null) return;
        if (depth > MAX_DEPTH) throw NEEDS_SUPERJSON;
        if (v instanceof Date) {
          if (Number.isNaN(v.getTime())) throw NEEDS_SUPERJSON;
          note(['Date']);
          return;
        }
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            path.push(i);
            walk(v[i], depth + 1);
            path.pop();
          }
          return;
        }
        if (!isPlainObject(v) || 'toJSON' in v) throw NEEDS_SUPERJSON;
        for (const key in v) {
          path.push(key);
          walk(v[key], depth + 1);
          path.pop();
        }
        return;
      }
      default:
        // bigint, symbol, function
        throw NEEDS_SUPERJSON;
    }
  };

  try {
    walk(value, 0);
  } catch (error) {
    if (error === NEEDS_SUPERJSON) return superjson.serialize(value);
    throw error;
  }
  if (!annotated) return { json: value as SuperJSONResult['json'] };
  if (rootAnnotation)
    return { json: (rootAnnotation[0] === 'Date' ? value : null) as SuperJSONResult['json'], meta: { values: rootAnnotation, v: 1 } };
  return { json: value as SuperJSONResult['json'], meta: { values: annotations, v: 1 } };
}

/** The transformer of the tRPC server: the fast serializer above, superjson for inputs. */
export const transformer = {
  serialize: serializeResult,
  deserialize: (payload: SuperJSONResult) => superjson.deserialize(payload),
};
