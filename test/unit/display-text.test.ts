// The shared cleaning rule for outside text (src/shared/display-text.ts): what it removes, what it
// keeps exactly, how it caps, and the markup escaping for notifications.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, escapeMarkup, stripInvisible } from '../../src/shared/display-text';

const cp = (n: number) => String.fromCodePoint(n);
const RLO = cp(0x202e);
const PDF = cp(0x202c);
const LRI = cp(0x2066);
const ZWSP = cp(0x200b);
const ZWJ = cp(0x200d);
const BOM = cp(0xfeff);
const RLM = cp(0x200f);
const INVISIBLES = [0x00ad, 0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b]
  .concat([0x202c, 0x202d, 0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068])
  .concat([0x2069, 0xfeff])
  .map(cp);

describe('stripInvisible', () => {
  it('removes bidi overrides and zero-width characters: "prod" never reads as something else', () => {
    // With U+202E the name below displays as "web-dorp"; cleaned, it reads as it is.
    expect(stripInvisible(`web-${RLO}prod${PDF}`)).toBe('web-prod');
    expect(stripInvisible(`db${ZWSP}-01${ZWJ}`)).toBe('db-01');
    expect(stripInvisible(`${BOM}${LRI}name${RLM}`)).toBe('name');
    for (const c of INVISIBLES) expect(stripInvisible(`a${c}b`)).toBe('ab');
  });

  it('turns controls and line separators into one space, so a value cannot break a line', () => {
    expect(stripInvisible('a\nb')).toBe('a b');
    expect(stripInvisible('a\r\n\t\u0000b')).toBe('a b');
    expect(stripInvisible(`a${cp(0x2028)}b${cp(0x85)}c`)).toBe('a b c');
  });

  it('keeps printable text exactly, spaces and non-Latin scripts included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), (s) => stripInvisible(s) === s),
    );
    expect(stripInvisible('  two  spaces ')).toBe('  two  spaces ');
    expect(stripInvisible('સર્વર-૧ palvelin-ä')).toBe('સર્વર-૧ palvelin-ä');
  });

  it('leaves nothing invisible behind, whatever the input', () => {
    const anyChar = fc.oneof(
      fc.constantFrom(...INVISIBLES, '\n', '\u0007', cp(0x2029)),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(anyChar, { maxLength: 40 }), (parts) => {
        const out = stripInvisible(parts.join(''));
        for (const c of INVISIBLES) expect(out).not.toContain(c);
        // eslint-disable-next-line no-control-regex
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      }),
    );
  });
});

describe('cleanText', () => {
  it('collapses white space, trims, and caps with an ellipsis', () => {
    expect(cleanText('  web\n\n  server  ', 40)).toBe('web server');
    expect(cleanText('abcdefghij', 5)).toBe('abcd…');
    expect(cleanText('abcde', 5)).toBe('abcde');
    expect(cleanText(`x${RLO}y`, 5)).toBe('xy');
  });

  it('never cuts a character in half', () => {
    const emoji = '😀'.repeat(10);
    const out = cleanText(emoji, 4);
    expect(out).toBe('😀😀😀…');
    expect(Array.from(out)).toHaveLength(4);
  });

  it('stays within the cap for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 1, max: 80 }),
        (s, max) => {
          expect(Array.from(cleanText(s, max)).length).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});

describe('escapeMarkup', () => {
  it('escapes what a notification server would read as markup', () => {
    expect(escapeMarkup('<b>x</b> & <a href="y">z</a>')).toBe(
      '&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href="y"&gt;z&lt;/a&gt;',
    );
    expect(escapeMarkup('&amp;')).toBe('&amp;amp;');
    expect(escapeMarkup('plain text')).toBe('plain text');
  });
});
