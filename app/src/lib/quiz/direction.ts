// The direction of a text by its first strong letter (what dir="auto" does), computed here because
// Chromium does not always recompute dir="auto" when a rendered text changes in place.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

export function textDirection(text: string): 'ltr' | 'rtl' | 'auto' {
  for (const char of text) {
    if (RTL.test(char)) return 'rtl';
    if (LTR.test(char)) return 'ltr';
  }
  return 'auto';
}
