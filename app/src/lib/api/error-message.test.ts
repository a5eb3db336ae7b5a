import { describe, expect, it } from 'vitest';
import ar from '$lib/i18n/books/core/ar';
import en from '$lib/i18n/books/core/en';
import { describeError } from './error-message';
import { ApiError, NetworkError } from './errors';

describe('describeError', () => {
  it('says it in the reader’s language where the case is known', () => {
    const invalid = new ApiError(400, 'ValidationError', 'Invalid identifier or password');
    expect(describeError(invalid, en)).toBe(en.auth.invalidCredentials);
    expect(describeError(invalid, ar)).toBe(ar.auth.invalidCredentials);
    expect(describeError(new ApiError(429, 'RateLimitError', 'Too many'), ar)).toBe(ar.auth.tooMany);
    expect(describeError(new NetworkError('Failed to fetch'), ar)).toBe(ar.app.networkError);
  });

  it('passes on what the school’s server says otherwise (registration closed, a taken name)', () => {
    const closed = new ApiError(403, 'ForbiddenError', 'Registration is closed');
    expect(describeError(closed, en)).toBe('Registration is closed');
    expect(describeError(new Error('boom'), en)).toBe(en.app.somethingWrong);
  });
});
