import { transformer, type Answer } from '@/server/api/transformer';

// What tests read of a tRPC answer: its data or its error shape, decoded as the browser's client
// decodes them (server/api/transformer.ts), under `json` as tests have always read them.

export type TrpcErrorShape = { message: string; data: { code: string; httpStatus?: number; fieldErrors: Record<string, string[]> } };
type Wire = { result?: { data: Answer }; error?: Answer };
// Not optional: a test asserts which one an answer has by reading it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests pick what they expect out of each answer
export type TrpcBody = { result: { data: { json: any } }; error: { json: TrpcErrorShape } };

function decodeOne(wire: Wire): TrpcBody {
  return {
    result: wire.result ? { data: { json: transformer.output.deserialize(wire.result.data) } } : undefined,
    error: wire.error !== undefined ? { json: transformer.output.deserialize(wire.error) as TrpcErrorShape } : undefined,
  } as TrpcBody;
}

/** A single answer, or each answer of a batch. */
export function decodeTrpcBody(raw: unknown): TrpcBody & TrpcBody[] {
  return (Array.isArray(raw) ? raw.map((item) => decodeOne(item as Wire)) : decodeOne(raw as Wire)) as TrpcBody & TrpcBody[];
}

/** The decoded body of a tRPC response (fetch's or Playwright's). */
export async function trpcJson(res: { json(): Promise<unknown> }): Promise<TrpcBody & TrpcBody[]> {
  return decodeTrpcBody(await res.json());
}
