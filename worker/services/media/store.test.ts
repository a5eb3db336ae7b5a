import { describe, expect, it } from 'vitest';
import * as fixture from '../../../tests/support/media-fixtures';
import { fakeBucket } from '../../../tests/support/fake-bucket';
import { prepareUpload } from './prepare-upload';
import { putAll } from './store';

const prepared = (name: string) => prepareUpload(new File([fixture.png1x1()], name), {}, 0);

describe('putting several objects', () => {
  it('stores every object with its sniffed Content-Type', async () => {
    const { bucket, objects } = fakeBucket();
    const uploads = await Promise.all([prepared('a.png'), prepared('b.png')]);
    await putAll(bucket, uploads);
    expect([...objects.keys()].sort()).toEqual(uploads.map((u) => u.key).sort());
  });

  it('when one put fails, deletes the ones that succeeded and reports the failure', async () => {
    const { bucket, objects, deleted } = fakeBucket({ failPutWhen: (key) => key.includes('broken') });
    const uploads = await Promise.all([prepared('a.png'), prepared('broken.png'), prepared('c.png')]);
    await expect(putAll(bucket, uploads)).rejects.toThrow(/broken/);
    expect(objects.size).toBe(0);
    expect(deleted.sort()).toEqual([uploads[0]!.key, uploads[2]!.key].sort());
  });
});
