import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inBatches } from './batches.ts';
import { readLines } from './read-lines.ts';

/** A source of chunks that counts how many have been pulled from it. */
function countingSource<T>(items: readonly T[]): { source: AsyncIterable<T>; pulled: () => number } {
  let pulled = 0;
  return {
    pulled: () => pulled,
    source: (async function* () {
      for (const item of items) {
        pulled++;
        yield item;
      }
    })(),
  };
}

/** Lets every pending promise and stream callback run: whatever reads ahead on its own has done so after this. */
async function settle(): Promise<void> {
  for (let k = 0; k < 20; k++) await new Promise((resolve) => setImmediate(resolve));
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('readLines', () => {
  it('gives the lines of any cut of the bytes into chunks (UTF-8 split inside a character, CRLF, no final newline)', async () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', '图', '🙂', ' ', '{', '"', '\r') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (lines, crlf, finalNewline, cuts) => {
          const clean = lines.map((l) => l.replace(/\r/g, ''));
          const sep = crlf ? '\r\n' : '\n';
          const text = clean.join(sep) + (finalNewline && clean.length > 0 ? sep : '');
          const bytes = Buffer.from(text, 'utf8');
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...points, bytes.length]
            .slice(1)
            .map((end, k, ends) => bytes.subarray(k === 0 ? 0 : ends[k - 1], end));
          const expected = text.split(sep);
          if (expected.at(-1) === '') expected.pop(); // a final newline ends the last line, it starts none
          expect(await collect(readLines(Readable.from(pieces)))).toEqual(expected);
        },
      ),
    );
  });

  it('pulls the next chunk only when the line asked for is not yet buffered', async () => {
    const { source, pulled } = countingSource([
      Buffer.from('one\ntw'),
      Buffer.from('o\nthree\n'),
      Buffer.from('four\n'),
    ]);
    const lines = readLines(source);
    expect((await lines.next()).value).toBe('one');
    await settle();
    expect(pulled()).toBe(1);
    expect((await lines.next()).value).toBe('two');
    expect((await lines.next()).value).toBe('three');
    await settle();
    expect(pulled()).toBe(2);
    expect(await collect(lines)).toEqual(['four']);
    expect(pulled()).toBe(3);
  });

  it('holds a file stream back while the consumer is busy: bytes read stay within the stream buffer', async () => {
    const line = `${'x'.repeat(999)}\n`;
    let produced = 0;
    const total = 10_000;
    let sent = 0;
    const stream = new Readable({
      highWaterMark: 16 * 1024,
      read() {
        if (sent === total) return void this.push(null);
        sent++;
        produced += line.length;
        this.push(line);
      },
    });
    const lines = readLines(stream);
    for (let k = 0; k < 3; k++) await lines.next();
    await settle();
    // Three lines consumed of ten megabytes: the stream has read its buffer (16 KiB) and a little more, not the file.
    expect(produced).toBeLessThan(64 * 1024);
    const rest = await collect(lines);
    expect(rest).toHaveLength(total - 3);
    expect(produced).toBe(total * line.length);
  });
});

describe('inBatches', () => {
  const limits = {
    maxItems: 3,
    maxWeight: 100,
    weight: (item: { group: string; weight: number }) => item.weight,
    group: (item: { group: string; weight: number }) => item.group,
  };
  const item = (group: string, weight = 1) => ({ group, weight });

  it('reads nothing more while a batch is being consumed', async () => {
    const { source, pulled } = countingSource([
      item('a'),
      item('a'),
      item('a'),
      item('a'),
      item('b'),
      item('b'),
    ]);
    const batches = inBatches(source, limits);
    const first = await batches.next();
    expect(first.value).toHaveLength(3);
    // The consumer is now storing the first batch: the fourth item has not been read, however long it takes.
    await settle();
    expect(pulled()).toBe(3);
    const second = await batches.next();
    expect(second.value).toEqual([item('a')]);
    // Closing the "a" batch took reading the first "b", and nothing beyond it.
    await settle();
    expect(pulled()).toBe(5);
    expect(await collect(batches)).toEqual([[item('b'), item('b')]]);
  });

  it('closes a batch at its weight, exceeding it by less than one item', async () => {
    const { source } = countingSource([
      item('a', 60),
      item('a', 60),
      item('a', 10),
      item('a', 200),
      item('a', 5),
    ]);
    const sizes = (await collect(inBatches(source, limits))).map((batch) => batch.map((i) => i.weight));
    expect(sizes).toEqual([[60, 60], [10, 200], [5]]);
  });

  it('keeps every item, in order, groups apart, within the limits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ group: fc.constantFrom('a', 'b', 'c'), weight: fc.integer({ min: 0, max: 80 }) }),
        ),
        async (items) => {
          const batches = await collect(inBatches(countingSource(items).source, limits));
          expect(batches.flat()).toEqual(items);
          for (const batch of batches) {
            expect(batch.length).toBeGreaterThan(0);
            expect(batch.length).toBeLessThanOrEqual(limits.maxItems);
            expect(new Set(batch.map((i) => i.group)).size).toBe(1);
            const weights = batch.map((i) => i.weight);
            expect(weights.slice(0, -1).reduce((a, b) => a + b, 0)).toBeLessThan(limits.maxWeight);
          }
        },
      ),
    );
  });
});
