import type { Pathname } from '$app/types';
import type { IconName } from './icons';

/** One entry of a role's navigation; `label` is a message, read when rendered so it follows the language. */
export interface NavItem {
  href: Pathname;
  label: () => string;
  icon: IconName;
  /** Matches only the exact path (a home page), not the pages below it. */
  exact?: boolean;
}

/**
 * A path held in a variable (a nav entry, a layout's home, a link in a report), typed for `resolve()`. A
 * `Pathname` is concrete (any parameters already in it), so resolve() only adds the base path; but TypeScript
 * matches a union argument against resolve's per-route signatures only up to 25 routes, and the app has
 * more, so the path is passed as the one signature that takes no parameters. The value is unchanged.
 */
export function concretePath(path: Pathname): '/' {
  return path as '/';
}
