import { publicApi, type ApiClient } from './client';
import type { AuthResponse, Tokens, User } from './types';

export function signIn(identifier: string, password: string): Promise<AuthResponse> {
  return publicApi.post('/auth/local', { identifier, password });
}

/** Creates a student account; the school may close registration, and the API then says why. */
export function signUp(input: { username: string; email: string; password: string }): Promise<AuthResponse> {
  return publicApi.post('/auth/local/register', input);
}

/** After an admin's reset: the code that signing in answered, and the password the user chose; signs in. */
export function choosePassword(code: string, password: string, passwordConfirmation: string): Promise<AuthResponse> {
  return publicApi.post('/auth/reset-password', { code, password, passwordConfirmation });
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
