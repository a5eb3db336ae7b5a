import type { UsageSource } from '../../contract/analytics';
import type { Env } from '../../env';
import { analyticsEngineSink } from './analytics-engine';
import { memoryUsageStore } from './usage-memory-store';
import type { UsageSink } from './usage-point';

/**
 * Where API usage is recorded, from API_USAGE_STORE: "analytics-engine" in production (wrangler.toml),
 * "memory" wherever the project runs the worker itself (npm start, tests, bench set it), "off" to record
 * nothing. Unset means memory: miniflare's Analytics Engine binding accepts points and drops them.
 */
export function usageSource(env: Partial<Env> | undefined): UsageSource {
  const setting = env?.API_USAGE_STORE;
  if (setting === 'off') return 'off';
  if (setting === 'analytics-engine' && env?.API_USAGE) return 'analytics-engine';
  return 'memory';
}

export function usageSink(env: Partial<Env> | undefined): UsageSink | null {
  switch (usageSource(env)) {
    case 'off':
      return null;
    case 'analytics-engine':
      return analyticsEngineSink(env!.API_USAGE!);
    case 'memory':
      return memoryUsageStore;
  }
}
