// Inflating a share link with a cap (src/share.rs). DecompressionStream
// inflates each chunk written to it in one go, whatever the reader asks
// for: a 64 KB chunk of a "zip bomb" comes out as 64 MB before anyone can
// stop it. So the input goes in 1 KB at a time (at most about a megabyte out
// per piece, deflate's ratio being at most 1032:1), and reading stops, and
// the stream is cancelled, as soon as the output passes `max` bytes.
const PIECE = 1024;

/** Resolves to {bytes} or {error: "large" | "deflate"}; never rejects. */
export async function inflateCapped(bytes, max) {
  let stream;
  try {
    stream = new DecompressionStream('deflate-raw');
  } catch {
    return { error: 'deflate' };
  }
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    try {
      for (let i = 0; i < bytes.length && !stopped; i += PIECE) {
        await writer.ready;
        await writer.write(bytes.subarray(i, i + PIECE));
      }
      if (!stopped) await writer.close();
    } catch {
      // The reader reports the error (or has stopped the stream itself).
    }
  })();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max) {
        stopped = true;
        reader.cancel().catch(() => {});
        writer.abort().catch(() => {});
        return { error: 'large' };
      }
      chunks.push(value);
    }
  } catch {
    stopped = true;
    writer.abort().catch(() => {});
    return { error: 'deflate' };
  }
  await feeding;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return { bytes: out };
}
