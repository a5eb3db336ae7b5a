import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baseUrl, tokenFor } from '../support/api';
import * as fixture from '../support/media-fixtures';

const get = (path: string, init: RequestInit = {}) => fetch(baseUrl() + path, init);

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string | null): Record<string, string[]> {
  expect(policy, 'Content-Security-Policy is missing').toBeTruthy();
  return Object.fromEntries(
    policy!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

async function uploadAs(username: string, bytes: Uint8Array<ArrayBuffer>, name: string): Promise<{ url: string }> {
  const form = new FormData();
  form.append('files', new Blob([bytes]), name);
  const response = await fetch(`${baseUrl()}/api/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(username)}` },
    body: form,
  });
  const body = (await response.json()) as any;
  if (response.status !== 201) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body[0];
}

describe('the app’s pages carry a strict Content-Security-Policy and the other security headers', () => {
  it.each(['/', '/login', '/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/courses/some/deep/route'])(
    '%s: only our origin, only the inline code of the build (by hash), never framed',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      const html = await response.text();
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['base-uri']).toEqual(["'self'"]);
      expect(csp['script-src']).not.toContain("'unsafe-inline'");
      expect(csp['script-src']).not.toContain("'unsafe-eval'");
      // Every inline script the page holds is allowed by its exact hash, and nothing else inline is.
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
      expect(inline.length).toBeGreaterThan(0);
      const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
      expect(csp['script-src']!.filter((s) => s.startsWith("'sha256-")).sort()).toEqual([...new Set(hashes)].sort());
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      const permissions = response.headers.get('permissions-policy') ?? '';
      expect(permissions).toContain('microphone=(self)');
      expect(permissions).toContain('camera=()');
    },
  );

  it('static files carry them too, and the headers file itself is not served', async () => {
    const font = await get('/fonts/Amiri-Regular.ttf');
    expect(font.headers.get('x-content-type-options')).toBe('nosniff');
    expect(font.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const headersFile = await get('/_headers');
    expect(await headersFile.text()).not.toContain('Content-Security-Policy:');
  });
});

describe('the API keeps hono’s secure headers', () => {
  it('/api/courses answers JSON with nosniff, SAMEORIGIN framing and no referrer, not the pages’ policy', async () => {
    const response = await get('/api/courses');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('a refused request still answers in the envelope with the same headers', async () => {
    const response = await get('/api/courses?filters[toString]=1');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await response.json()) as any).error.name).toBe('ValidationError');
  });
});

describe('uploads are served sandboxed; only images, audio and video open in place', () => {
  it('an image: sandboxed (no script, opaque origin), nosniff, shown inline', async () => {
    const file = await uploadAs('teacher.amina', fixture.png1x1(), 'cover.png');
    const response = await get(file.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(directives(response.headers.get('content-security-policy'))).toMatchObject({
      sandbox: [],
      'default-src': ["'none'"],
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition') ?? 'inline').toMatch(/^inline/);
  });

  it('audio: sandboxed without script, keeping its origin so the browser’s player may fetch it; inline', async () => {
    const file = await uploadAs('teacher.amina', fixture.wav(), 'recitation.wav');
    const response = await get(file.url);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp.sandbox).toEqual(['allow-same-origin']);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(response.headers.get('content-disposition') ?? 'inline').toMatch(/^inline/);
  });

  it('a PDF: sandboxed and downloaded (attachment, with its name), never opened on our origin', async () => {
    const file = await uploadAs('teacher.amina', fixture.pdf(300), 'Tajweed rules.pdf');
    for (const init of [{}, { headers: { range: 'bytes=0-9' } }, { method: 'HEAD' }]) {
      const response = await get(file.url, init);
      expect(response.status).toBeLessThan(300);
      expect(directives(response.headers.get('content-security-policy'))).toHaveProperty('sandbox');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="Tajweed rules.pdf"; filename*=UTF-8''Tajweed%20rules.pdf`,
      );
    }
  });
});
