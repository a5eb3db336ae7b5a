import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '$lib/api/errors';
import type { GradedOfflineAttempt } from '$lib/api/types';
import { verdictFor } from './outbox-rules';
import { refusalFor } from './quiz-attempts';

describe('the school’s answer to an attempt taken offline', () => {
  it('refuses it for good when sending again would not change the answer', () => {
    for (const [status, name] of [
      [400, 'ValidationError'],
      [403, 'ForbiddenError'],
      [404, 'NotFoundError'],
      [409, 'ConflictError'],
    ] as const) {
      const error = new ApiError(status, name, 'You have used all 2 attempts allowed for this quiz');
      expect(refusalFor(error)).toEqual({ status, name, message: error.message });
    }
  });

  it('keeps it waiting when the school was not reached, busy, or the session ended', () => {
    expect(refusalFor(new NetworkError('offline'))).toBeNull();
    expect(refusalFor(new ApiError(503, 'ServiceUnavailableError', 'busy'))).toBeNull();
    expect(refusalFor(new ApiError(500, 'ApplicationError', 'oops'))).toBeNull();
    expect(refusalFor(new ApiError(429, 'RateLimitError', 'slow down'))).toBeNull();
    expect(refusalFor(new ApiError(401, 'UnauthorizedError', 'signed out'))).toBeNull();
  });

  it('a graded attempt, first send or resend, is sent and keeps its grade on the row', () => {
    const result = { documentId: 'a', score: 80, passed: true } as GradedOfflineAttempt;
    expect(verdictFor({ eventId: 'c', status: 'applied', result })).toEqual({ state: 'sent', result });
    expect(verdictFor({ eventId: 'c', status: 'duplicate', result })).toEqual({ state: 'sent', result });
    expect(
      verdictFor({ eventId: 'c', status: 'rejected', error: { status: 409, name: 'ConflictError', message: 'm' } }),
    ).toEqual({ state: 'refused', refusal: { status: 409, name: 'ConflictError', message: 'm' } });
    expect(verdictFor(undefined)).toEqual({ state: 'pending' });
  });
});
