/** Splits ids into batches a Pipedrive endpoint accepts in one request (e.g. 100 organization ids). */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
