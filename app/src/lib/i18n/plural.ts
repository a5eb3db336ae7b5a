/** The CLDR plural categories; a locale supplies the ones its language uses, `other` always. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Formatting bound to one locale, for use inside its message file: plural forms by CLDR rules (Arabic
 * has six: zero, one, two, few, many, other) and numbers in the locale's digits.
 */
export function localeTools(locale: string) {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    plural: (count: number, forms: PluralForms): string => forms[rules.select(count)] ?? forms.other,
    number: (value: number): string => numbers.format(value),
    percent: (value: number): string => percents.format(value / 100),
  };
}
