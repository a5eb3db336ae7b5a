/**
 * Unicode's Arabic Presentation Forms for each letter: [isolated, final, initial, medial].
 *
 * We shape with these code points instead of the font's OpenType GSUB tables because pdf-lib writes
 * glyph ids only and drops GPOS positions: Amiri's own contextual glyphs lean on GPOS (cursive
 * attachment) to connect, while its presentation-form glyphs are drawn to join on the baseline alone.
 * Letters with two forms join only to the letter before them (alef, dal, reh, waw…).
 */
export type LetterForms = readonly [isolated: number, final: number, initial?: number, medial?: number];

const twoForms = (isolated: number): LetterForms => [isolated, isolated + 1];
const fourForms = (isolated: number): LetterForms => [isolated, isolated + 1, isolated + 2, isolated + 3];

export const LETTER_FORMS: ReadonlyMap<number, LetterForms> = new Map<number, LetterForms>([
  [0x0622, twoForms(0xfe81)], // آ alef with madda
  [0x0623, twoForms(0xfe83)], // أ alef with hamza above
  [0x0624, twoForms(0xfe85)], // ؤ waw with hamza
  [0x0625, twoForms(0xfe87)], // إ alef with hamza below
  [0x0626, fourForms(0xfe89)], // ئ yeh with hamza
  [0x0627, twoForms(0xfe8d)], // ا alef
  [0x0628, fourForms(0xfe8f)], // ب beh
  [0x0629, twoForms(0xfe93)], // ة teh marbuta
  [0x062a, fourForms(0xfe95)], // ت teh
  [0x062b, fourForms(0xfe99)], // ث theh
  [0x062c, fourForms(0xfe9d)], // ج jeem
  [0x062d, fourForms(0xfea1)], // ح hah
  [0x062e, fourForms(0xfea5)], // خ khah
  [0x062f, twoForms(0xfea9)], // د dal
  [0x0630, twoForms(0xfeab)], // ذ thal
  [0x0631, twoForms(0xfead)], // ر reh
  [0x0632, twoForms(0xfeaf)], // ز zain
  [0x0633, fourForms(0xfeb1)], // س seen
  [0x0634, fourForms(0xfeb5)], // ش sheen
  [0x0635, fourForms(0xfeb9)], // ص sad
  [0x0636, fourForms(0xfebd)], // ض dad
  [0x0637, fourForms(0xfec1)], // ط tah
  [0x0638, fourForms(0xfec5)], // ظ zah
  [0x0639, fourForms(0xfec9)], // ع ain
  [0x063a, fourForms(0xfecd)], // غ ghain
  [0x0641, fourForms(0xfed1)], // ف feh
  [0x0642, fourForms(0xfed5)], // ق qaf
  [0x0643, fourForms(0xfed9)], // ك kaf
  [0x0644, fourForms(0xfedd)], // ل lam
  [0x0645, fourForms(0xfee1)], // م meem
  [0x0646, fourForms(0xfee5)], // ن noon
  [0x0647, fourForms(0xfee9)], // ه heh
  [0x0648, twoForms(0xfeed)], // و waw
  // Alef maksura is dual-joining; its initial and medial forms sit in block A, not next to the others.
  [0x0649, [0xfeef, 0xfef0, 0xfbe8, 0xfbe9]], // ى alef maksura
  [0x064a, fourForms(0xfef1)], // ي yeh
  // Letters of Persian and Urdu names, which students of a mosque school also carry.
  [0x0671, twoForms(0xfb50)], // ٱ alef wasla
  [0x0679, fourForms(0xfb66)], // ٹ tteh
  [0x067e, fourForms(0xfb56)], // پ peh
  [0x0686, fourForms(0xfb7a)], // چ tcheh
  [0x0688, twoForms(0xfb88)], // ڈ ddal
  [0x0691, twoForms(0xfb8c)], // ڑ rreh
  [0x0698, twoForms(0xfb8a)], // ژ jeh
  [0x06a4, fourForms(0xfb6a)], // ڤ veh
  [0x06a9, fourForms(0xfb8e)], // ک keheh
  [0x06af, fourForms(0xfb92)], // گ gaf
  [0x06be, fourForms(0xfbaa)], // ھ heh doachashmee
  [0x06c0, twoForms(0xfba4)], // ۀ heh with yeh above
  [0x06c1, fourForms(0xfba6)], // ہ heh goal
  [0x06cc, fourForms(0xfbfc)], // ی farsi yeh
  [0x06d2, twoForms(0xfbae)], // ے yeh barree
  [0x06d3, twoForms(0xfbb0)], // ۓ yeh barree with hamza
]);

export const LAM = 0x0644;

/** Lam followed by one of these alefs is written as one ligature: [isolated, final]. */
export const LAM_ALEF_FORMS: ReadonlyMap<number, readonly [isolated: number, final: number]> = new Map([
  [0x0622, [0xfef5, 0xfef6]],
  [0x0623, [0xfef7, 0xfef8]],
  [0x0625, [0xfef9, 0xfefa]],
  [0x0627, [0xfefb, 0xfefc]],
] as const);
