import { describe, expect, it } from 'vitest';
import { audioToken, audioTokenValid, LINK_SECONDS } from './audio-links';

describe('signed links to a recitation’s audio', () => {
  const now = Date.UTC(2026, 10, 26, 12);

  it('open the recording they were signed for until they expire', async () => {
    const token = await audioToken('secret', 'rec1', now);
    expect(await audioTokenValid('secret', 'rec1', token, now + 1000)).toBe(true);
    expect(await audioTokenValid('secret', 'rec1', token, now + (LINK_SECONDS + 1) * 1000)).toBe(false);
  });

  it('open no other recording, and nothing with another secret or a changed expiry', async () => {
    const token = await audioToken('secret', 'rec1', now);
    expect(await audioTokenValid('secret', 'rec2', token, now)).toBe(false);
    expect(await audioTokenValid('other', 'rec1', token, now)).toBe(false);
    const [expires, signature] = token.split('.');
    expect(await audioTokenValid('secret', 'rec1', `${Number(expires) + 3600}.${signature}`, now)).toBe(false);
    expect(await audioTokenValid('secret', 'rec1', undefined, now)).toBe(false);
    expect(await audioTokenValid('secret', 'rec1', 'garbage', now)).toBe(false);
  });
});
