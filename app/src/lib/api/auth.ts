import { publicApi, type ApiClient } from './client';
import type { AuthResponse, Tokens, User } from './types';

export function signIn(identifier: string, password: string): Promise<AuthResponse> {
  return publicApi.post('/auth/local', { identifier, password });
}

/** Creates a student account; the school may close registration, and the API then says why. */
export function signUp(input: { username: string; email: string; password: string }): Promise<AuthResponse> {
  return publicApi.post('/auth/local/register', input);
}

export function refreshTokens(refreshToken: string): Promise<Tokens> {
  return publicApi.post('/auth/refresh', { refreshToken });
}

/** Ends this device's session on the server (its refresh token stops working). */
export function revokeSession(refreshToken: string): Promise<void> {
  return publicApi.post('/auth/logout', { refreshToken });
}

export function fetchMe(api: ApiClient, signal?: AbortSignal): Promise<User> {
  return api.get('/users/me', undefined, signal);
}
