import { describe, expect, it } from 'vitest';
import { cpuPerRequest, cpuSnapshot } from './process-cpu';

describe('CPU per request, by process', () => {
  it.runIf(process.platform === 'linux')('counts the CPU this process spends as the load generator', () => {
    const before = cpuSnapshot();
    const until = Date.now() + 120;
    let spin = 0;
    while (Date.now() < until) spin += Math.sqrt(spin + 1);
    const after = cpuSnapshot();
    expect(spin).toBeGreaterThan(0);
    expect(after['load generator']! - before['load generator']!).toBeGreaterThanOrEqual(60);
  });

  it('divides each group’s growth by the requests answered, and says nothing for none', () => {
    const before = { workerd: 1_000, Postgres: 500 };
    const after = { workerd: 1_600, Postgres: 800, 'database proxy': 40 };
    expect(cpuPerRequest(before, after, 300)).toEqual({ workerd: 2, Postgres: 1, 'database proxy': 40 / 300 });
    expect(cpuPerRequest(before, after, 0)).toEqual({});
  });
});
