import { badRequest } from './errors';

/** A request body's bytes, exactly `length` of them (one upload part: at most 5 MiB in memory). */
export async function readExactly(body: ReadableStream<Uint8Array> | null, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let filled = 0;
  const reader = body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    if (filled + read.value.length > length) {
      await reader!.cancel();
      throw badRequest(`The part has more than ${length} bytes`);
    }
    bytes.set(read.value, filled);
    filled += read.value.length;
  }
  if (filled !== length) throw badRequest(`The part ended after ${filled} of ${length} bytes`);
  return bytes;
}
