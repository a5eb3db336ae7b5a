// The admin pages' endpoints: accounts, family links, school settings, the activity log, content that only
// admins manage (instructors, achievements) and the running system. Shapes come from worker/contract.
import type {
  AdminUser,
  AdminUserDetail,
  PasswordResetAnswer,
  PublicSchoolSettings,
  SchoolSettings,
} from '$contract/index';
import type { ActivityEntry } from '$contract/activity';
import type { ApiUsageMeta, ApiUsageRow, SystemHealth } from '$contract/analytics';
import type { Achievement, Instructor, MediaFile } from '$contract/documents';
import type { DocumentAnswer, ListAnswer } from '$contract/wire';
import type { ApiClient } from './client';
import type { RoleType } from './types';

export type {
  ActivityEntry,
  Achievement,
  AdminUser,
  AdminUserDetail,
  ApiUsageMeta,
  ApiUsageRow,
  Instructor,
  MediaFile,
  PublicSchoolSettings,
  SchoolSettings,
  SystemHealth,
};

// ---- accounts ------------------------------------------------------------------------------------

export interface UserSearch {
  q?: string;
  role?: RoleType;
  blocked?: boolean;
  page?: number;
  pageSize?: number;
}

export function searchUsers(api: ApiClient, search: UserSearch, signal?: AbortSignal) {
  return api.get<ListAnswer<AdminUser>>('/admin/users', { ...search }, signal);
}

export async function fetchUser(api: ApiClient, documentId: string, signal?: AbortSignal) {
  return (await api.get<DocumentAnswer<AdminUserDetail>>(`/admin/users/${documentId}`, undefined, signal)).data;
}

export interface NewAccount {
  username: string;
  email?: string | null;
  password: string;
  role: RoleType;
  fullName?: string | null;
  dateOfBirth?: string | null;
  ageTier?: 'children' | 'youth' | 'adults' | null;
  parent?: string;
  mustChangePassword: boolean;
}

/** Admins post the account itself (not Strapi's `data` envelope), as POST /api/users does. */
export function createUser(api: ApiClient, account: NewAccount) {
  return api.post<DocumentAnswer<AdminUser>>('/admin/users', account);
}

export function changeRole(api: ApiClient, documentId: string, role: RoleType) {
  return api.put<DocumentAnswer<AdminUser>>(`/admin/users/${documentId}/role`, { data: { role } });
}

export function setBlocked(api: ApiClient, documentId: string, blocked: boolean) {
  return api.put<DocumentAnswer<AdminUser>>(`/admin/users/${documentId}/blocked`, { data: { blocked } });
}

/** The answer holds the temporary password, shown this once. */
export async function resetPassword(api: ApiClient, documentId: string) {
  return (await api.post<DocumentAnswer<PasswordResetAnswer>>(`/admin/users/${documentId}/password-reset`, {})).data;
}

export function linkGuardian(api: ApiClient, parent: string, child: string) {
  return api.post<unknown>('/guardian-links', { data: { parent, child } });
}

export function unlinkGuardian(api: ApiClient, parent: string, child: string) {
  return api.delete<void>(`/guardian-links/${parent}/${child}`);
}

export { fetchPublicSchoolSettings } from './school';

// ---- school settings -----------------------------------------------------------------------------

export async function fetchSchoolSettings(api: ApiClient, signal?: AbortSignal) {
  return (await api.get<DocumentAnswer<SchoolSettings>>('/school-settings', undefined, signal)).data;
}

export async function saveSchoolSetting<K extends keyof SchoolSettings>(
  api: ApiClient,
  key: K,
  changes: Partial<SchoolSettings[K]>,
) {
  // The answer is the setting as stored now (that key only).
  return (await api.put<DocumentAnswer<SchoolSettings[K]>>(`/school-settings/${key}`, { data: changes })).data;
}

/** One file through Strapi's upload endpoint (multipart); answers the stored file. */
export async function uploadFile(api: ApiClient, file: File): Promise<MediaFile> {
  const form = new FormData();
  form.append('files', file, file.name);
  const [stored] = await api.request<MediaFile[]>('/upload', { method: 'POST', body: form });
  return stored!;
}

// ---- the activity log ----------------------------------------------------------------------------

export interface ActivitySearch {
  q?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export function searchActivity(api: ApiClient, search: ActivitySearch, signal?: AbortSignal) {
  const query = Object.fromEntries(Object.entries(search).filter(([, value]) => value !== '' && value !== undefined));
  return api.get<ListAnswer<ActivityEntry>>('/activity-logs', query, signal);
}

// ---- instructors and achievements (Strapi content routes) ----------------------------------------

export type ContentPath = 'instructors' | 'achievements';

export function listDocuments<T>(api: ApiClient, path: ContentPath, sort: string, signal?: AbortSignal) {
  return api.get<ListAnswer<T>>(`/${path}`, { sort: [sort], pagination: { pageSize: 100 } }, signal);
}

export function saveDocument<T>(api: ApiClient, path: ContentPath, documentId: string | null, data: object) {
  return documentId
    ? api.put<DocumentAnswer<T>>(`/${path}/${documentId}`, { data })
    : api.post<DocumentAnswer<T>>(`/${path}`, { data });
}

export function deleteDocument(api: ApiClient, path: ContentPath, documentId: string) {
  return api.delete<void>(`/${path}/${documentId}`);
}

/** The JSON Schema of an achievement's criteria, as the server checks them. */
export async function fetchCriteriaSchema(api: ApiClient, signal?: AbortSignal) {
  return (await api.get<DocumentAnswer<unknown>>('/achievement-criteria', undefined, signal)).data;
}

// ---- the running system --------------------------------------------------------------------------

export function fetchApiUsage(api: ApiClient, period: { from?: string; to?: string }, signal?: AbortSignal) {
  return api.get<{ data: ApiUsageRow[]; meta: ApiUsageMeta }>('/observability/api-usage', period, signal);
}

export async function fetchHealth(api: ApiClient, refresh: boolean, signal?: AbortSignal) {
  const query = refresh ? { refresh: 'true' } : undefined;
  return (await api.get<DocumentAnswer<SystemHealth>>('/observability/health', query, signal)).data;
}

/** The account with exactly this username (any case) and role, or null: admins type names, the API wants ids. */
export async function findAccount(api: ApiClient, username: string, role: RoleType): Promise<AdminUser | null> {
  const wanted = username.trim().toLowerCase();
  const { data } = await searchUsers(api, { q: wanted, role, pageSize: 100 });
  return data.find((user) => user.username.toLowerCase() === wanted) ?? null;
}
