/**
 * Reads exact byte counts from a stream of chunks, pulling the next chunk only when the bytes asked for are not yet
 * buffered — so a consumer that stops asking stops the reading.
 */
export class ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array | string>;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;
  /** bytes handed out so far */
  offset = 0;

  constructor(source: AsyncIterable<Uint8Array | string>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** The next `n` bytes, or fewer (possibly none) when the stream ends first. */
  async read(n: number): Promise<Buffer> {
    while (this.buffered < n && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else {
        const piece = next.value;
        const bytes =
          typeof piece === 'string'
            ? Buffer.from(piece, 'utf8')
            : Buffer.from(piece.buffer, piece.byteOffset, piece.length);
        this.chunks.push(bytes);
        this.buffered += bytes.length;
      }
    }
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    const taken = all.subarray(0, Math.min(n, this.buffered));
    const rest = all.subarray(taken.length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    this.offset += taken.length;
    return taken;
  }
}
