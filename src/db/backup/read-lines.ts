/**
 * The lines of a byte stream (UTF-8, `\n` or `\r\n`), read on demand: the next chunk is pulled only when the
 * consumer asks for a line that is not yet buffered, so a consumer busy with the previous lines holds the reading
 * back (unlike readline's events, which keep coming). Memory holds one chunk and the line being assembled.
 */
export async function* readLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let partial: Buffer[] = [];
  const line = (last: Buffer): string => {
    const bytes = partial.length === 0 ? last : Buffer.concat([...partial, last]);
    partial = [];
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    return bytes.toString('utf8', 0, end);
  };
  for await (const piece of source) {
    const chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.length);
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      yield line(chunk.subarray(start, newline));
      start = newline + 1;
    }
    if (start < chunk.length) partial.push(chunk.subarray(start));
  }
  if (partial.length > 0) yield line(Buffer.alloc(0));
}
