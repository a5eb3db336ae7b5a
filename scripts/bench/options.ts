// npm run bench's command line: which scales, which sections, which databases, and for how long.
// Flags win over the environment variables of the same meaning (kept for older habits and CI).

import type { WorkerRuntime } from '../start/worker-runtime';

export const SECTIONS = ['core', 'writes', 'mixed', 'query-limits', 'analytics', 'usage'] as const;
export type Section = (typeof SECTIONS)[number];
/** What runs without --sections: issue 10's data-path figures, in a few minutes per database. */
export const DEFAULT_SECTIONS: Section[] = ['core', 'writes', 'mixed', 'query-limits'];

export const DATABASES = ['embedded', 'postgres'] as const;
/** How workerd runs the worker (scripts/start/worker-runtime.ts); by default alone, as Cloudflare runs it for /api/*. */
export const RUNTIMES = ['direct', 'miniflare', 'wrangler'] as const satisfies readonly WorkerRuntime[];
export type BenchRuntime = (typeof RUNTIMES)[number];
export type DatabaseKind = (typeof DATABASES)[number];

export interface BenchOptions {
  scales: number[];
  sections: Section[];
  databases: DatabaseKind[];
  runtime: BenchRuntime;
  /** Seconds of each measured run of the core and write endpoints, and of the warm-up before it. */
  duration: number;
  warmup: number;
  /** Seconds of the mixed run, and its concurrent clients. */
  mixedDuration: number;
  mixedClients: number;
  help: boolean;
}

export const USAGE = `npm run bench -- [options]
  --sections a,b     ${SECTIONS.join(', ')}, or all (default: ${DEFAULT_SECTIONS.join(',')}); BENCH_SECTIONS
  --database a,b     embedded, postgres, or both (default: embedded, and postgres when DATABASE_URL is set;
                     postgres without DATABASE_URL means postgres://postgres@127.0.0.1:5432/postgres); BENCH_DATABASE
  --runtime r        direct (default: the production bundle alone in workerd, through Miniflare), miniflare
                     (the whole site: Miniflare's entry worker and the assets router in front, as CI's run on
                     Postgres), or wrangler (wrangler dev, its proxy worker in front too, as npm start);
                     BENCH_RUNTIME
  --scale n[,m]      dataset scale(s), 1 to 50 (default 1); BENCH_SCALE
  --duration s       seconds per measured run of core and write endpoints (default 10); BENCH_DURATION
  --warmup s         seconds of warm-up before each (default 3); BENCH_WARMUP
  --mixed-duration s seconds of the mixed run (default 20); --mixed-clients n (default 50)
  --help`;

function list(text: string, allowed: readonly string[], name: string): string[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!items.length) throw new Error(`${name} is empty`);
  for (const item of items) {
    if (!allowed.includes(item)) throw new Error(`${name} takes ${allowed.join(', ')}; got ${item}`);
  }
  return [...new Set(items)];
}

function number(text: string, name: string, check: (n: number) => boolean, expected: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value))
    throw new Error(`${name} takes ${expected}; got ${text}`);
  return value;
}

/** Parses argv (after the script's name) with the environment as fallback; throws on anything unknown. */
export function parseBenchOptions(argv: readonly string[], env: Record<string, string | undefined>): BenchOptions {
  const flags = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    const [, name, inline] = match;
    const known = ['sections', 'database', 'runtime', 'scale', 'duration', 'warmup', 'mixed-duration', 'mixed-clients'];
    if (!known.includes(name!)) throw new Error(`unknown option --${name}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    flags.set(name!, value);
  }
  const get = (flag: string, variable: string) => flags.get(flag) ?? env[variable];

  const sectionText = get('sections', 'BENCH_SECTIONS');
  const sections =
    sectionText === undefined
      ? DEFAULT_SECTIONS
      : sectionText.trim() === 'all'
        ? [...SECTIONS]
        : (list(sectionText, SECTIONS, '--sections') as Section[]);

  const databaseText = get('database', 'BENCH_DATABASE');
  const databases: DatabaseKind[] =
    databaseText === undefined
      ? env.DATABASE_URL
        ? ['embedded', 'postgres']
        : ['embedded']
      : databaseText.trim() === 'both'
        ? [...DATABASES]
        : (list(databaseText, DATABASES, '--database') as DatabaseKind[]);

  const runtime = list(get('runtime', 'BENCH_RUNTIME') ?? 'direct', RUNTIMES, '--runtime');
  if (runtime.length > 1) throw new Error('--runtime takes one runtime');

  const scales = (get('scale', 'BENCH_SCALE') ?? '1')
    .split(',')
    .map((s) => number(s, '--scale', (n) => Number.isInteger(n) && n >= 1 && n <= 50, 'whole numbers from 1 to 50'));

  const seconds = (flag: string, variable: string, fallback: number, min = 0) => {
    const text = get(flag, variable);
    return text === undefined ? fallback : number(text, `--${flag}`, (n) => n >= min, `seconds (at least ${min})`);
  };
  return {
    scales,
    sections: SECTIONS.filter((s) => sections.includes(s)),
    databases: DATABASES.filter((d) => databases.includes(d)),
    runtime: runtime[0] as BenchRuntime,
    duration: seconds('duration', 'BENCH_DURATION', 10, 1),
    warmup: seconds('warmup', 'BENCH_WARMUP', 3),
    mixedDuration: seconds('mixed-duration', 'BENCH_MIXED_DURATION', 20, 1),
    mixedClients: number(
      get('mixed-clients', 'BENCH_MIXED_CLIENTS') ?? '50',
      '--mixed-clients',
      (n) => Number.isInteger(n) && n >= 1 && n <= 1000,
      'a whole number from 1 to 1000',
    ),
    help,
  };
}
