import { LAM, LAM_ALEF_FORMS, LETTER_FORMS, type LetterForms } from './arabic-forms';

/**
 * How a character takes part in cursive joining (Unicode's Joining_Type, reduced to what we shape):
 * D joins on both sides, R only to the letter before it, C causes joining (tatweel, ZWJ), T is
 * transparent (harakat sit on a letter without breaking the join), U breaks it.
 */
type JoiningType = 'D' | 'R' | 'C' | 'T' | 'U';

const TATWEEL = 0x0640;
const ZERO_WIDTH_JOINER = 0x200d;
const ZERO_WIDTH_NON_JOINER = 0x200c;
const MARK_OR_FORMAT = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

function joiningType(char: string): JoiningType {
  const codePoint = char.codePointAt(0) ?? 0;
  const forms = LETTER_FORMS.get(codePoint);
  if (forms) return forms.length === 4 ? 'D' : 'R';
  if (codePoint === TATWEEL || codePoint === ZERO_WIDTH_JOINER) return 'C';
  if (codePoint === ZERO_WIDTH_NON_JOINER) return 'U';
  return MARK_OR_FORMAT.test(char) ? 'T' : 'U';
}

/**
 * Replaces Arabic letters with the presentation form their neighbours call for (isolated, initial,
 * medial, final) and lam + alef with its obligatory ligature. The text stays in logical order; any
 * character we have no forms for passes through unchanged.
 */
export function shapeArabic(text: string): string {
  const chars = Array.from(text);
  const types = chars.map(joiningType);
  // The nearest non-transparent neighbour decides the join: a fatha between two letters is skipped.
  const neighbour = (from: number, step: 1 | -1): number => {
    let index = from + step;
    while (types[index] === 'T') index += step;
    return index;
  };
  const reachesForward = (index: number) => types[index] === 'D' || types[index] === 'C';
  const acceptsFromBehind = (index: number) => types[index] === 'D' || types[index] === 'R' || types[index] === 'C';

  const shaped: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const codePoint = char.codePointAt(0) ?? 0;
    const forms = LETTER_FORMS.get(codePoint);
    if (!forms) {
      shaped.push(char);
      continue;
    }
    const joinsPrevious = reachesForward(neighbour(i, -1));
    const next = neighbour(i, 1);

    const ligature = codePoint === LAM ? LAM_ALEF_FORMS.get(chars[next]?.codePointAt(0) ?? 0) : undefined;
    if (ligature) {
      shaped.push(String.fromCodePoint(joinsPrevious ? ligature[1] : ligature[0]));
      // Harakat written between the lam and the alef follow the ligature that now carries both.
      shaped.push(...chars.slice(i + 1, next));
      i = next;
      continue;
    }

    const joinsNext = forms.length === 4 && acceptsFromBehind(next);
    shaped.push(String.fromCodePoint(pickForm(forms, joinsPrevious, joinsNext)));
  }
  return shaped.join('');
}

function pickForm([isolated, final, initial, medial]: LetterForms, joinsPrevious: boolean, joinsNext: boolean): number {
  if (joinsPrevious && joinsNext && medial !== undefined) return medial;
  if (joinsNext && initial !== undefined) return initial;
  if (joinsPrevious) return final;
  return isolated;
}
