import { notFound } from 'next/navigation';

/** The goal id from the URL; anything but a positive whole number is simply not found. */
export function goalIdFrom(param: string): number {
  return parseGoalId(param) ?? notFound();
}

/** The goal id from the URL, or null when it is not a positive whole number. */
export function parseGoalId(param: string): number | null {
  const id = Number(param);
  return /^\d{1,12}$/.test(param) && Number.isSafeInteger(id) && id > 0 ? id : null;
}
