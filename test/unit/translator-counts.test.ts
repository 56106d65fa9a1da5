// The translator's shortcut for small counts must say exactly what Intl says, in every catalog
// language and the regional tags an OS reports for them.
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/shared/i18n/catalogs';
import { smallCountPlural, translatorFor } from '../../src/shared/i18n/translator';

const TAGS: Record<Locale, string[]> = {
  en: ['en', 'en-US', 'en-GB', 'en-IN'],
  fi: ['fi', 'fi-FI'],
  gu: ['gu', 'gu-IN'],
};

describe('small counts', () => {
  for (const locale of LOCALES) {
    for (const tag of TAGS[locale]) {
      it(`${tag}: plural category and digits of 0-999 match Intl`, () => {
        const rules = new Intl.PluralRules(tag);
        const digits = new Intl.NumberFormat(tag);
        const tr = translatorFor({ locale, tag });
        for (let n = 0; n < 1000; n++) {
          expect(smallCountPlural(locale, n)).toBe(rules.select(n));
          expect(tr.number(n)).toBe(digits.format(n));
        }
      });
    }
  }

  it('leaves other numbers to Intl (negative control: a fraction, a thousand, a negative)', () => {
    for (const n of [1.5, 1000, -1]) expect(smallCountPlural('en', n)).toBeNull();
    const tr = translatorFor({ locale: 'fi', tag: 'fi-FI' });
    expect(tr.number(1234)).toBe(new Intl.NumberFormat('fi-FI').format(1234));
    expect(tr.number(1234)).not.toBe('1234');
    expect(tr.plural(1.5)).toBe(new Intl.PluralRules('fi').select(1.5));
  });
});
