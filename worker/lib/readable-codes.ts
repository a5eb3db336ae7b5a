import { randomToken } from './ids';

/**
 * Capitals and digits without the ones people confuse when a code is read aloud or copied from paper
 * (0/O, 1/I/L): 31 symbols, so 8 of them are about 40 bits.
 */
export const READABLE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** e.g. readableCode(2, 4) -> "K7QF-9XA2". */
export function readableCode(groups: number, size: number): string {
  return Array.from({ length: groups }, () => randomToken(size, READABLE_ALPHABET)).join('-');
}

/** What a person typed, as the code it means: case, spaces and dashes do not matter. */
export function normalizeReadableCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}
