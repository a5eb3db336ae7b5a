/**
 * The words of an ayah: its text split at U+0020 and nowhere else. In this text waqf marks (ۖ ۗ ۚ ۛ …),
 * the rub' al-hizb sign ۞ and the sajda sign ۩ are written on a word, never alone, so every token is a
 * word a student recites; the one thin space (U+2009, inside فَٱدَّـٰرَ ٰٔتُمۡ in 2:72) joins a single word.
 * The loader splits with the same rule in SQL (string_to_array(text, ' ')).
 */
export function splitWords(text: string): string[] {
  return text.split(' ');
}
