import { rgb } from 'pdf-lib';

/** The certificate's colours: ivory paper, the school's deep green, gold for ornament, near-black ink. */
export const PALETTE = {
  paper: rgb(0.992, 0.98, 0.949),
  green: rgb(0.067, 0.318, 0.247),
  gold: rgb(0.722, 0.576, 0.267),
  ink: rgb(0.129, 0.129, 0.129),
  muted: rgb(0.4, 0.4, 0.4),
} as const;
