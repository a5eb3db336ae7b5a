import type { Context } from 'hono';
import type { AppEnv, AuthUser } from '../env';
import type { AuditContext } from '../services/audit/activity-log';

/** The actor and request id every logged write carries into the activity log. */
export const auditContext = (c: Context<AppEnv>, actor: AuthUser): AuditContext => ({
  actor,
  requestId: c.var.requestId,
});
