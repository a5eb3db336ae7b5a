// The hifz vocabulary the pages offer (grades, kinds of mistake). The contract's lists are runtime values the
// app may not import (worker/contract reaches the app type-only), so they are listed here and checked
// against the contract's types: a grade added there is a type error here until it is added.
import type { HifzGradeName, HifzMistakeTypeName } from '$contract/hifz';
import { every } from '$lib/exhaustive-list';

export const HIFZ_GRADES = every<HifzGradeName>()(['excellent', 'very_good', 'good', 'acceptable', 'needs_repeat']);
export const HIFZ_MISTAKE_TYPES = every<HifzMistakeTypeName>()([
  'forgotten_word',
  'wrong_word',
  'tajweed',
  'hesitation',
]);
