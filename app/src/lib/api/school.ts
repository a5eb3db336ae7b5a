import type { PublicSchoolSettings } from '$contract/school-settings';
import type { DocumentAnswer } from '$contract/wire';
import { publicApi } from './client';

/** Anyone, before signing in: the school's name, logo, language and whether registration is open. */
export async function fetchPublicSchoolSettings(signal?: AbortSignal): Promise<PublicSchoolSettings> {
  return (await publicApi.get<DocumentAnswer<PublicSchoolSettings>>('/school-settings/public', undefined, signal)).data;
}
