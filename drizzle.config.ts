import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; migrations are applied by scripts/migrate.ts through the Neon driver.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './migrations',
});
