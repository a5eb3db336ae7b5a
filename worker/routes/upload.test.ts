import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBucket } from '../../tests/support/fake-bucket';
import * as fixture from '../../tests/support/media-fixtures';
import type { AppEnv, AuthUser } from '../env';
import { renderError } from '../middleware/errors';
import { MAX_UPLOAD_REQUEST_BYTES } from '../services/media/media-types';
import { uploadRoutes } from './upload';

const teacher: AuthUser = {
  id: 7,
  documentId: 'teacher000000000000000000',
  username: 'teacher',
  email: null,
  role: 'teacher',
};

/** The upload routes with a signed-in teacher and a database that refuses every insert. */
function appWithFailingDatabase() {
  const app = new Hono<AppEnv>();
  app.use(
    createMiddleware<AppEnv>(async (c, next) => {
      c.set('user', teacher);
      const refusingDatabase = {
        insert: () => {
          throw new Error('database unreachable');
        },
      };
      c.set('db', async () => refusingDatabase as never);
      c.set('releaseDb', async () => {});
      await next();
    }),
  );
  app.route('/api/upload', uploadRoutes);
  app.onError(renderError);
  return app;
}

afterEach(() => vi.restoreAllMocks());

describe('POST /api/upload, with R2 and the database stood in for', () => {
  it('deletes the objects it already put into R2 when the rows cannot be recorded', async () => {
    const { bucket, objects, deleted } = fakeBucket();
    const form = new FormData();
    form.append('files', new Blob([fixture.png1x1()]), 'a.png');
    form.append('files', new Blob([fixture.pdf()]), 'b.pdf');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await appWithFailingDatabase().request(
      '/api/upload',
      { method: 'POST', body: form },
      { MEDIA: bucket },
    );
    expect(response.status).toBe(500);
    expect(objects.size).toBe(0);
    expect(deleted).toHaveLength(2);
  });

  it('refuses a request announcing more than the largest limit with 413 before reading it', async () => {
    const { bucket, objects } = fakeBucket();
    const request = new Request('http://localhost/api/upload', {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(MAX_UPLOAD_REQUEST_BYTES + 1),
      },
      body: '--x--\r\n',
    });
    const response = await appWithFailingDatabase().request(request, undefined, { MEDIA: bucket });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).error.name).toBe('PayloadTooLargeError');
    expect(objects.size).toBe(0);
  });
});
