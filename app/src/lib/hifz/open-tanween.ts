// The Quran text (the King Fahd Complex's, via quran-json) writes open tanween, the tanween of idgham and
// ikhfa, with stand-ins its own font draws by ligature: U+0657 for open fathatan, U+065E for open dammatan,
// U+0656 for open kasratan. Unicode has these marks (U+08F0-08F2), and the mushaf face draws them; it draws
// the stand-ins as what they are in Unicode (an inverted damma, a subscript alef) or, for U+065E, not at all.
// The words shown on the hifz pages use Unicode's marks; the stored text and its word numbering are unchanged
// (a mark is never a space, so word n stays word n).

const OPEN_TANWEEN: Record<string, string> = { '\u0657': '\u08F0', '\u065E': '\u08F1', '\u0656': '\u08F2' };

export const mushafWord = (word: string): string =>
  word.replace(/[\u0656\u0657\u065E]/g, (mark) => OPEN_TANWEEN[mark]!);
