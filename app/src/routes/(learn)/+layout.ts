import { requireRole } from '$lib/guards';

export function load({ url }) {
  requireRole(url, 'student');
}
