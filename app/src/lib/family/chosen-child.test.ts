import { describe, expect, it } from 'vitest';
import { pickChild } from './chosen-child';

const child = (documentId: string) => ({ learner: { documentId } });

describe('which child the family page shows', () => {
  it('the remembered child while they are still linked', () => {
    expect(pickChild([child('a'), child('b')], 'b')).toEqual(child('b'));
  });

  it('the first child when the remembered one is no longer linked, or nothing is remembered', () => {
    expect(pickChild([child('a'), child('b')], 'gone')).toEqual(child('a'));
    expect(pickChild([child('a')], null)).toEqual(child('a'));
  });

  it('nobody when no child is linked', () => {
    expect(pickChild([], 'a')).toBeNull();
  });
});
