/**
 * The catalogs' message syntax: `{name}` placeholders, plus the two ICU MessageFormat forms the
 * languages need, `{n, plural, one {# server} other {# servers}}` (with `=0`-style exact cases and
 * `#` for the number) and `{x, select, create {…} restore {…} other {…}}`.
 *
 * Not a full ICU implementation on purpose: in full ICU every brace is syntax, while these catalogs
 * show naming-template parts such as `{server}` and `{yyyyMMdd-HHmm}` to the user as they are. Here
 * a placeholder with no value, and any brace that is not one of the forms above, stays literal
 * text. Plural categories come from Intl.PluralRules, so Finnish and Gujarati get their own rules.
 */

/** Parameters substituted into a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One piece of a parsed message. */
type Part =
  string | { arg: string } | { arg: string; type: 'plural' | 'select'; options: ReadonlyMap<string, Part[]> };

const SIMPLE = /^\{(\w+)\}/;
const COMPLEX = /^\{\s*(\w+)\s*,\s*(plural|select)\s*,/;
const OPTION = /^\s*(=?[\w-]+)\s*\{/;

/** Parses from `at` until an unmatched `}` (inside an option) or the end; returns parts and the end index. */
function parseParts(text: string, at: number, nested: boolean): { parts: Part[]; end: number } {
  const parts: Part[] = [];
  let literal = '';
  let i = at;
  const flush = () => {
    if (literal !== '') parts.push(literal);
    literal = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '}' && nested) {
      flush();
      return { parts, end: i };
    }
    if (ch === '{') {
      const rest = text.slice(i);
      const simple = SIMPLE.exec(rest);
      if (simple?.[1]) {
        flush();
        parts.push({ arg: simple[1] });
        i += simple[0].length;
        continue;
      }
      const complex = COMPLEX.exec(rest);
      const parsed = complex?.[1] && complex[2] ? parseOptions(text, i + complex[0].length) : null;
      if (complex?.[1] && parsed) {
        flush();
        parts.push({ arg: complex[1], type: complex[2] as 'plural' | 'select', options: parsed.options });
        i = parsed.end + 1;
        continue;
      }
      // Unbalanced braces inside an option would end it too early: count them as literal pairs.
      if (nested) {
        const close = matchingBrace(text, i);
        if (close < 0) throw new Error(`Unbalanced "{" in message: ${text}`);
        literal += text.slice(i, close + 1);
        i = close + 1;
        continue;
      }
    }
    literal += ch;
    i++;
  }
  if (nested) throw new Error(`Unclosed option in message: ${text}`);
  flush();
  return { parts, end: i };
}

/** The index of the `}` closing the `{` at `open`, or -1. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Parses `key {…} key {…}}` from `at`; null when it is not a well-formed option list. */
function parseOptions(text: string, at: number): { options: Map<string, Part[]>; end: number } | null {
  const options = new Map<string, Part[]>();
  let i = at;
  for (;;) {
    const rest = text.slice(i);
    const closing = /^\s*\}/.exec(rest);
    if (closing) {
      if (!options.has('other')) throw new Error(`A plural or select needs an "other" case: ${text}`);
      return { options, end: i + closing[0].length - 1 };
    }
    const option = OPTION.exec(rest);
    if (!option?.[1]) return null;
    const body = parseParts(text, i + option[0].length, true);
    options.set(option[1], body.parts);
    i = body.end + 1;
  }
}

const parsedCache = new Map<string, Part[]>();

function parse(text: string): Part[] {
  let parts = parsedCache.get(text);
  if (!parts) {
    parts = parseParts(text, 0, false).parts;
    parsedCache.set(text, parts);
  }
  return parts;
}

/** What formatting needs from the language: its plural rules and number format. */
export interface MessageLocale {
  plural(n: number): Intl.LDMLPluralRule;
  number(n: number): string;
}

function render(parts: readonly Part[], params: MessageParams, locale: MessageLocale, hash: string): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += hash === '' ? part : part.replaceAll('#', hash);
      continue;
    }
    const value = params[part.arg];
    if (!('type' in part)) {
      out += value === undefined ? `{${part.arg}}` : String(value);
      continue;
    }
    if (part.type === 'plural') {
      const n = typeof value === 'number' ? value : Number(value);
      const exact = part.options.get(`=${String(n)}`);
      const branch = exact ?? part.options.get(Number.isFinite(n) ? locale.plural(n) : 'other');
      out += render(branch ?? part.options.get('other') ?? [], params, locale, locale.number(n));
      continue;
    }
    const branch = value === undefined ? undefined : part.options.get(String(value));
    out += render(branch ?? part.options.get('other') ?? [], params, locale, hash);
  }
  return out;
}

/**
 * Fills a message: placeholders in one pass (a value containing braces is never expanded again),
 * plural and select forms by the value's category. A placeholder with no value stays as written.
 */
export function formatMessage(
  text: string,
  params: MessageParams | undefined,
  locale: MessageLocale,
): string {
  const parts = parse(text);
  if (!params && parts.every((p) => typeof p === 'string')) return text;
  return render(parts, params ?? {}, locale, '');
}

/** Every argument a message uses, sorted: `name`, `count:plural`, `kind:select(a|b|other)`. */
export function messageArguments(text: string): string[] {
  const found = new Set<string>();
  const walk = (parts: readonly Part[]) => {
    for (const part of parts) {
      if (typeof part === 'string') continue;
      if (!('type' in part)) {
        found.add(part.arg);
        continue;
      }
      // Plural cases differ by language (Finnish and Gujarati have their own); select cases may not.
      found.add(
        part.type === 'plural'
          ? `${part.arg}:plural`
          : `${part.arg}:select(${[...part.options.keys()].sort().join('|')})`,
      );
      for (const option of part.options.values()) walk(option);
    }
  };
  walk(parse(text));
  return [...found].sort();
}

/** The plain `{name}` placeholders and plural/select argument names a message uses, sorted. */
export function placeholders(text: string): string[] {
  return [...new Set(messageArguments(text).map((a) => a.split(':')[0] ?? a))].sort();
}
