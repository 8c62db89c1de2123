import { notFound } from 'next/navigation';

/** The goal id from the URL; anything but a positive whole number is simply not found. */
export function goalIdFrom(param: string): number {
  const id = Number(param);
  if (!/^\d{1,12}$/.test(param) || !Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
