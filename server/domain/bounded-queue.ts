// A small counting semaphore with a bounded queue: at most `running` tasks at once, at most
// `waiting` more in line, and anyone past that is refused at once instead of waiting without end.

export type BoundedQueue = <T>(work: () => Promise<T>) => Promise<T>;

export function boundedQueue(limits: { running: number; waiting: number }, refuse: () => Error): BoundedQueue {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (work) => {
    if (running < limits.running) running++;
    else if (queue.length < limits.waiting) await new Promise<void>((resolve) => queue.push(resolve));
    else throw refuse();
    try {
      return await work();
    } finally {
      // The place passes straight to the next in line, if any.
      const next = queue.shift();
      if (next) next();
      else running--;
    }
  };
}
