import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTIONS, parseBenchOptions, SECTIONS } from './options';

describe('parseBenchOptions', () => {
  it('defaults to the data-path sections on the embedded database, and adds Postgres when DATABASE_URL is set', () => {
    const plain = parseBenchOptions([], {});
    expect(plain).toMatchObject({
      scales: [1],
      sections: DEFAULT_SECTIONS,
      databases: ['embedded'],
      runtime: 'direct',
      duration: 10,
      warmup: 3,
      mixedDuration: 20,
      mixedClients: 50,
      help: false,
    });
    expect(parseBenchOptions([], { DATABASE_URL: 'postgres://x@h/db' }).databases).toEqual(['embedded', 'postgres']);
  });

  it('takes sections, databases and scales from flags, in the bench’s own order, without repeats', () => {
    const options = parseBenchOptions(
      ['--sections', 'usage,core,core', '--database=postgres', '--scale', '1,10', '--duration', '5'],
      {},
    );
    expect(options.sections).toEqual(['core', 'usage']);
    expect(options.databases).toEqual(['postgres']);
    expect(options.scales).toEqual([1, 10]);
    expect(options.duration).toBe(5);
    expect(parseBenchOptions(['--sections', 'all', '--database', 'both'], {})).toMatchObject({
      sections: [...SECTIONS],
      databases: ['embedded', 'postgres'],
    });
  });

  it('runs the worker alone unless the whole site or wrangler dev is asked for, by flag or BENCH_RUNTIME', () => {
    expect(parseBenchOptions(['--runtime', 'wrangler'], {}).runtime).toBe('wrangler');
    expect(parseBenchOptions([], { BENCH_RUNTIME: 'miniflare' }).runtime).toBe('miniflare');
    expect(parseBenchOptions(['--runtime=direct'], { BENCH_RUNTIME: 'wrangler' }).runtime).toBe('direct');
    expect(() => parseBenchOptions(['--runtime', 'node'], {})).toThrow(
      /--runtime takes direct, miniflare, wrangler; got node/,
    );
    expect(() => parseBenchOptions(['--runtime', 'miniflare,wrangler'], {})).toThrow(/one runtime/);
  });

  it('lets flags win over the environment', () => {
    const env = { BENCH_SECTIONS: 'analytics', BENCH_SCALE: '10', BENCH_DATABASE: 'postgres' };
    expect(parseBenchOptions([], env)).toMatchObject({
      sections: ['analytics'],
      scales: [10],
      databases: ['postgres'],
    });
    expect(parseBenchOptions(['--sections', 'mixed', '--scale', '2'], env)).toMatchObject({
      sections: ['mixed'],
      scales: [2],
    });
  });

  it('refuses what it does not know, naming it', () => {
    expect(() => parseBenchOptions(['--sections', 'cor'], {})).toThrow(/--sections takes .*; got cor/);
    expect(() => parseBenchOptions(['--database', 'mysql'], {})).toThrow(/got mysql/);
    expect(() => parseBenchOptions(['--scale', '0'], {})).toThrow(/whole numbers from 1 to 50/);
    expect(() => parseBenchOptions(['--scale', '1.5'], {})).toThrow(/whole numbers/);
    expect(() => parseBenchOptions(['--duration', 'soon'], {})).toThrow(/--duration takes seconds/);
    expect(() => parseBenchOptions(['--duration', '0'], {})).toThrow(/at least 1/);
    expect(() => parseBenchOptions(['--mixed-clients', '0'], {})).toThrow(/whole number/);
    expect(() => parseBenchOptions(['--fast'], {})).toThrow(/unknown option --fast/);
    expect(() => parseBenchOptions(['--scale'], {})).toThrow(/needs a value/);
    expect(() => parseBenchOptions(['core'], {})).toThrow(/unexpected argument core/);
  });

  it('notes --help', () => {
    expect(parseBenchOptions(['--help'], {}).help).toBe(true);
  });
});
