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
