import { describe, expect, it } from 'vitest';
import { readUnreadBody, UNREAD_BODY_LIMIT } from './unread-body';

/** A request as workerd hands it over: Node's Request drops a Content-Length set by hand, so it is put back. */
function incoming(body: string | null, contentLength: number | null) {
  const request = new Request('http://x/api', { method: body === null ? 'GET' : 'POST', body });
  const headers = new Headers(contentLength === null ? {} : { 'content-length': String(contentLength) });
  return {
    get body() {
      return request.body;
    },
    get bodyUsed() {
      return request.bodyUsed;
    },
    headers,
    arrayBuffer: () => request.arrayBuffer(),
  };
}

describe('readUnreadBody', () => {
  it('reads a small body the app left unread', async () => {
    const request = incoming('{"data":{}}', 11);
    await readUnreadBody(request);
    expect(request.bodyUsed).toBe(true);
  });

  it('leaves a body already read, and requests without one', async () => {
    const request = incoming('{}', 2);
    await request.arrayBuffer();
    await expect(readUnreadBody(request)).resolves.toBeUndefined();
    await expect(readUnreadBody(incoming(null, null))).resolves.toBeUndefined();
  });

  it('does not read a body past the limit or of unknown length', async () => {
    const large = incoming('x'.repeat(UNREAD_BODY_LIMIT + 1), UNREAD_BODY_LIMIT + 1);
    await readUnreadBody(large);
    expect(large.bodyUsed).toBe(false);
    const unknown = incoming('{}', null);
    await readUnreadBody(unknown);
    expect(unknown.bodyUsed).toBe(false);
  });
});
