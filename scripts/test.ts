// npm test — unit and integration tests (a real worker in workerd over a real database), then the
// end-to-end tests (npm start, Chromium). Embedded Postgres by default; DATABASE_URL selects a server.
// Ends with one line "N passed, N failed" over every suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './paths';

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
}

const reports = mkdtempSync(join(tmpdir(), 'lms-test-'));
const vitest = join(projectRoot, 'node_modules/vitest/vitest.mjs');

function runVitest(name: string, config: string, extra: string[]): SuiteResult {
  const outputFile = join(reports, `${name}.json`);
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', '-c', config, '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`, ...extra],
    {
      cwd: projectRoot,
      stdio: 'inherit',
    },
  );
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numFailedTestSuites: number;
    };
    // A file that fails to load has no tests to count, so it counts as one failure.
    const failed =
      report.numFailedTests +
      (run.status !== 0 && report.numFailedTests === 0 ? Math.max(1, report.numFailedTestSuites) : 0);
    return { name, passed: report.numPassedTests, failed };
  } catch {
    return { name, passed: 0, failed: 1 };
  }
}

const filters = process.argv.slice(2);
const database = process.env.DATABASE_URL ? `Postgres at ${new URL(process.env.DATABASE_URL).host}` : 'embedded PGlite';
console.log(`\n== tests against ${database} ==\n`);
const results = [
  runVitest('unit+integration', 'vitest.config.ts', filters),
  runVitest('e2e', 'vitest.e2e.config.ts', filters),
];
rmSync(reports, { recursive: true, force: true });

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
for (const r of results) console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
