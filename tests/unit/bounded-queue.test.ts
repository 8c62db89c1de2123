import { describe, expect, it } from 'vitest';
import { boundedQueue } from '@/server/domain/bounded-queue';

// The password hashing runs through one of these (server/password.ts): a flood of sign-ins must
// not queue without end in front of real people.

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('boundedQueue', () => {
  it('runs at most `running` tasks at once, lets `waiting` more wait in order, and refuses the rest at once', async () => {
    const run = boundedQueue({ running: 2, waiting: 2 }, () => new Error('busy'));
    const gates = Array.from({ length: 4 }, gate);
    const started: number[] = [];
    const tasks = gates.map((g, i) =>
      run(async () => {
        started.push(i);
        await g.opened;
        return i;
      }),
    );
    await settled();
    expect(started).toEqual([0, 1]);
    await expect(run(async () => 'too many')).rejects.toThrow('busy');

    gates[1]!.open();
    await settled();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('gives the place back when a task fails, so a failure never shrinks the queue', async () => {
    const run = boundedQueue({ running: 1, waiting: 0 }, () => new Error('busy'));
    await expect(run(async () => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    expect(await run(async () => 'next')).toBe('next');
    const g = gate();
    const holding = run(() => g.opened);
    await expect(run(async () => 'second')).rejects.toThrow('busy');
    g.open();
    await holding;
    expect(await run(async () => 'free again')).toBe('free again');
  });
});
