import type { Database } from '../../../db/client';
import type { SignInAnswer } from '../../contract/users';
import { forbidden } from '../../lib/errors';
import { recordActivity } from '../audit/activity-log';
import { readSchoolSettings } from '../stats/school-settings';
import { createAccount } from './accounts';
import { issueTokens } from './sign-in';
import { toAuthUser } from './user-records';

/**
 * Public self-registration creates a student account, as Strapi's default "authenticated" role does, in
 * the school's time zone, unless the school has closed registration (accounts then come from an admin, a
 * teacher or a parent).
 */
export async function registerStudent(
  db: Database,
  input: { username: string; email: string; password: string },
  context: { jwtSecret: string; userAgent?: string; requestId: string },
): Promise<SignInAnswer> {
  const settings = await readSchoolSettings(db);
  if (!settings.registration.open) throw forbidden('Registration is closed: ask the school for an account');
  const user = await db.transaction(async (tx) => {
    const created = await createAccount(tx, { ...input, role: 'student', timeZone: settings.school.timeZone });
    await recordActivity(
      tx,
      { actor: toAuthUser(created), requestId: context.requestId },
      {
        action: 'register',
        entityType: 'users',
        entityDocumentId: created.documentId,
        summary: 'student account registered',
      },
    );
    return created;
  });
  return issueTokens(db, context.jwtSecret, user, context.userAgent);
}
