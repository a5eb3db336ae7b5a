import { DEMO_PASSWORD, DEMO_USERS } from '../../db/seed/demo-users';

export function printBanner(url: string, databaseKind: string): void {
  const rows = DEMO_USERS.map((u) => `  ${u.username.padEnd(16)} ${u.role.padEnd(8)} ${u.note}`);
  console.log(
    [
      '',
      `AttaqwaMasjid LMS is running at ${url}  (database: ${databaseKind})`,
      '',
      `Demo logins (password for all: ${DEMO_PASSWORD}):`,
      ...rows,
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}
