import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import journal from '../../../migrations/meta/_journal.json';
import type { SystemHealth, UsageSource } from '../../contract/analytics';
import { BACKUP_PREFIX, storageUsage } from './storage-usage';

interface Journal {
  entries: { tag: string; when: number }[];
}

/** The migrations this build knows, from drizzle-kit's journal (bundled with the worker). */
const KNOWN = (journal as Journal).entries;

export function migrationState(appliedAt: number[]): NonNullable<SystemHealth['migrations']> {
  const applied = new Set(appliedAt);
  const known = new Set(KNOWN.map((m) => m.when));
  const pending = KNOWN.filter((m) => !applied.has(m.when)).map((m) => m.tag);
  const latest = [...KNOWN].reverse().find((m) => applied.has(m.when));
  return {
    expected: KNOWN.length,
    applied: appliedAt.length,
    pending,
    unknown: appliedAt.filter((when) => !known.has(when)).length,
    latestApplied: latest?.tag ?? null,
    upToDate: pending.length === 0,
  };
}

const isNeon = (databaseUrl: string) => {
  try {
    return /\.neon\.(tech|build)$/.test(new URL(databaseUrl).hostname);
  } catch {
    return false;
  }
};

function backupNote(neon: boolean, lastBackupAt: string | null): string {
  const files = lastBackupAt
    ? `The newest file under ${BACKUP_PREFIX}/ in the media bucket is from ${lastBackupAt}.`
    : `No backup files are kept under ${BACKUP_PREFIX}/ in the media bucket.`;
  return neon
    ? `Neon keeps the database's history and can restore it to any moment within the project's history retention window (Neon console, Restore); it does not report that as a backup time. ${files}`
    : `This database is not on Neon, so no point-in-time restore is known to the LMS. ${files}`;
}

/**
 * What an admin can honestly know about the system: the database (reachable, one round trip's latency,
 * its version), migrations applied against this build's journal, the media bucket's size, and backups
 * (only what can be seen: Neon's point-in-time restore, and backup files if any are kept in R2).
 */
export async function systemHealth(options: {
  db: () => Promise<Database>;
  databaseUrl: string;
  bucket: R2Bucket | undefined;
  refreshStorage: boolean;
  usageSource: UsageSource;
}): Promise<SystemHealth> {
  const database: SystemHealth['database'] = { reachable: false, latencyMs: null, serverVersion: null, error: null };
  let migrations: SystemHealth['migrations'] = null;
  try {
    const db = await options.db();
    const started = performance.now();
    const version = await db.execute<{ version: string }>(sql`SELECT current_setting('server_version') AS version`);
    database.latencyMs = Math.round((performance.now() - started) * 10) / 10;
    database.reachable = true;
    database.serverVersion = version.rows[0]?.version ?? null;
    try {
      const rows = await db.execute<{ created_at: string }>(sql`SELECT created_at FROM drizzle.__drizzle_migrations`);
      migrations = migrationState(rows.rows.map((r) => Number(r.created_at)));
    } catch {
      // No migrations table: nothing was ever applied.
      migrations = migrationState([]);
    }
  } catch (error) {
    database.error = `The database could not be reached (${(error as { code?: string }).code ?? (error as Error).name})`;
  }

  let storage: Awaited<ReturnType<typeof storageUsage>>;
  let storageFailed = false;
  try {
    storage = await storageUsage(options.bucket, { refresh: options.refreshStorage });
  } catch {
    storageFailed = true;
    storage = { bound: true, objects: 0, bytes: 0, byPrefix: [], listedAt: null, truncated: false, lastBackupAt: null };
  }
  const { lastBackupAt, ...bucket } = storage;
  const neon = isNeon(options.databaseUrl);
  const status = !database.reachable
    ? 'down'
    : !migrations?.upToDate || migrations.unknown > 0 || !bucket.bound || storageFailed
      ? 'degraded'
      : 'ok';
  return {
    status,
    checkedAt: new Date().toISOString(),
    database,
    migrations,
    storage: bucket,
    backups: { lastBackupAt, pointInTimeRestore: neon, note: backupNote(neon, lastBackupAt) },
    apiUsage: { source: options.usageSource },
  };
}
