export interface BatchLimits<T> {
  /** most items in one batch */
  maxItems: number;
  /** a batch is closed once its items weigh this much (so it exceeds it by less than one item) */
  maxWeight: number;
  weight: (item: T) => number;
  /** items of different groups never share a batch */
  group: (item: T) => unknown;
}

/**
 * Consecutive items of one group in bounded batches. Pull-based: a batch is handed over as soon as it is full,
 * before the next item is read, and nothing more is read until the consumer asks for the next batch — so reading
 * waits while a batch is being stored, and memory holds one batch (plus, at a change of group, one item).
 */
export async function* inBatches<T>(items: AsyncIterable<T>, limits: BatchLimits<T>): AsyncGenerator<T[]> {
  let batch: T[] = [];
  let weight = 0;
  for await (const item of items) {
    if (batch.length > 0 && limits.group(item) !== limits.group(batch[0] as T)) {
      yield batch;
      batch = [];
      weight = 0;
    }
    batch.push(item);
    weight += limits.weight(item);
    if (batch.length >= limits.maxItems || weight >= limits.maxWeight) {
      yield batch;
      batch = [];
      weight = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
