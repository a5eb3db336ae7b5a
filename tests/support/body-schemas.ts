// Every JSON body the API reads, by the route that reads it (as the app declares it).
import { z } from 'zod';
import { refreshBody, registerBody, signInBody } from '../../worker/routes/auth';
import { enrollBody, statusBody } from '../../worker/routes/course-enrollments';
import { linkBody } from '../../worker/routes/guardian-links';
import { offlineAttemptBody, submitBody } from '../../worker/routes/quiz-attempts';
import { awardBody } from '../../worker/routes/user-achievements';
import { progressBatchBody, progressEventBody } from '../../worker/routes/user-progresses';
import { newUserBody, updateUserBody } from '../../worker/routes/user-schemas';
import { CONTENT_WRITERS } from '../../worker/services/content';
import { SCHOOL_SETTINGS } from '../../worker/services/stats/school-settings';
import { noFieldsBody } from '../../worker/lib/validation';

export interface BodySchema {
  /** "METHOD /path", the route's own pattern. */
  route: string;
  schema: z.ZodType;
  /** The schema reads the body's `data` (content writers: the route checks the envelope around it). */
  inData?: boolean;
}

export const BODY_SCHEMAS: BodySchema[] = [
  { route: 'POST /api/auth/local', schema: signInBody },
  { route: 'POST /api/auth/local/register', schema: registerBody },
  { route: 'POST /api/auth/refresh', schema: refreshBody },
  { route: 'POST /api/auth/logout', schema: refreshBody },
  { route: 'POST /api/users', schema: newUserBody },
  { route: 'PUT /api/users/:id', schema: updateUserBody },
  { route: 'POST /api/guardian-links', schema: linkBody },
  { route: 'POST /api/course-enrollments', schema: enrollBody },
  { route: 'PUT /api/course-enrollments/:documentId', schema: statusBody },
  { route: 'POST /api/user-progresses', schema: progressEventBody },
  { route: 'POST /api/user-progresses/batch', schema: progressBatchBody },
  { route: 'POST /api/quizzes/:documentId/attempts', schema: noFieldsBody },
  { route: 'POST /api/quiz-attempts/:documentId/submit', schema: submitBody },
  { route: 'POST /api/hifz/recitations/:documentId/complete', schema: noFieldsBody },
  { route: 'POST /api/quizzes/:documentId/offline-attempts', schema: offlineAttemptBody },
  { route: 'POST /api/user-achievements', schema: awardBody },
  // One route for every setting: the key in the path picks the schema.
  ...Object.entries(SCHOOL_SETTINGS).map(([, setting]) => ({
    route: 'PUT /api/school-settings/:key',
    schema: z.object({ data: setting.schema }).strict(),
  })),
  ...Object.entries(CONTENT_WRITERS).flatMap(([path, writer]) => [
    { route: `POST /api/${path}`, schema: writer.schemas.create, inData: true },
    { route: `PUT /api/${path}/:documentId`, schema: writer.schemas.update, inData: true },
  ]),
];
