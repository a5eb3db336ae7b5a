/** The activity log (GET /api/activity-logs): who changed what, when. */

export const ACTIVITY_ACTIONS = [
  'create',
  'update',
  'publish',
  'unpublish',
  'delete',
  'grade',
  'award',
  'upload',
  'register',
  'role_change',
  'block',
  'unblock',
  'password_reset',
  'password_change',
  'link',
  'unlink',
  'pairing_code_create',
  'pairing_code_revoke',
  'pairing_code_redeem',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

/** The kinds of thing the log names, by their API names. */
export const ACTIVITY_ENTITY_TYPES = [
  'courses',
  'lessons',
  'quizzes',
  'instructors',
  'achievements',
  'users',
  'guardianLinks',
  'pairingCodes',
  'schoolSettings',
  'files',
  'hifzPlans',
  'hifzSessions',
  'hifzRecitations',
] as const;
export type ActivityEntityType = (typeof ACTIVITY_ENTITY_TYPES)[number];

export interface ActivityEntry {
  id: number;
  at: string;
  action: ActivityAction;
  entityType: ActivityEntityType;
  /** The entity's documentId (a school setting: its key); null when the entity has none. */
  entityDocumentId: string | null;
  summary: string;
  /** Names of the fields that changed, never their values. */
  changedFields: string[];
  requestId: string | null;
  /** `username` is the account's current one, null once the account is deleted. */
  actor: { id: number; documentId: string | null; username: string | null; role: string | null } | null;
}
