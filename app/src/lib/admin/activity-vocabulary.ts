// The activity log's actions and kinds of entity, for its filters. The contract's lists are runtime
// values the app may not import (worker/contract reaches the app type-only), so they are listed here and
// checked against the contract's types: a new action there is a type error here until it is added.
import type { ActivityAction, ActivityEntityType } from '$contract/activity';
import { every } from '$lib/exhaustive-list';

export const ACTIVITY_ACTIONS = every<ActivityAction>()([
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
]);

export const ACTIVITY_ENTITY_TYPES = every<ActivityEntityType>()([
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
]);
