/**
 * The one cleaning rule for text that came from outside (the API, the settings file) and is shown
 * to the user in the window, the tray or a notification. Such text could carry control characters
 * that break a line or a menu, bidi overrides that make "prod" read as "dorp", or zero-width
 * characters that make two names look alike; in a notification it could carry markup (Linux
 * notification servers render `body-markup`). Used where that text enters main (the wire and
 * settings schemas) and again by each surface that shows it, with that surface's length cap.
 */
import * as v from 'valibot';

// Built from code points so the source holds no invisible characters.
const range = (from: number, to: number) =>
  `\\u${from.toString(16).padStart(4, '0')}-\\u${to.toString(16).padStart(4, '0')}`;
const one = (cp: number) => `\\u${cp.toString(16).padStart(4, '0')}`;

/** C0 and C1 controls, and the Unicode line and paragraph separators: each run becomes one space. */
const CONTROLS = new RegExp(`[${range(0x00, 0x1f)}${range(0x7f, 0x9f)}${one(0x2028)}${one(0x2029)}]+`, 'g');

/**
 * Invisible characters that change how text reads without showing: bidi marks, embeddings,
 * overrides and isolates (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), zero-width
 * spaces and joiners (U+200B-U+200D, U+2060-U+2064), the BOM (U+FEFF), the Mongolian vowel
 * separator (U+180E) and the soft hyphen (U+00AD). They are removed.
 */
const INVISIBLE = new RegExp(
  `[${one(0x00ad)}${one(0x061c)}${one(0x180e)}${range(0x200b, 0x200f)}${range(0x202a, 0x202e)}` +
    `${range(0x2060, 0x2064)}${range(0x2066, 0x2069)}${one(0xfeff)}]`,
  'g',
);

/**
 * Makes outside text safe to show without changing what a reader sees: controls become a space,
 * invisible bidi and zero-width characters are removed. Printable text is kept exactly (no trim),
 * so an API value that was already clean stays equal to what was sent.
 */
export function stripInvisible(text: string): string {
  return text.replace(CONTROLS, ' ').replace(INVISIBLE, '');
}

/**
 * Outside text as one clean line for a label or a message: stripInvisible, runs of white space
 * collapsed, trimmed, and at most `maxChars` characters (whole code points; an ellipsis marks a cut).
 */
export function cleanText(text: string, maxChars: number): string {
  const flat = stripInvisible(text).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= maxChars) return flat;
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

/** Escapes the characters a notification server's markup would interpret (`&`, `<`, `>`). */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The longest text of each kind the app accepts from the API or the settings file. Real values are
 * far shorter; the caps keep a hostile server or file from making main hold, or push over IPC,
 * huge strings.
 */
export const TEXT_LIMITS = {
  /** Server and snapshot names. */
  name: 255,
  /** Statuses (`active`, `in_progress`, or an unknown word). */
  status: 64,
  /** ISO dates and times. */
  date: 64,
  /** An e-mail address (RFC 5321 allows 254; a little room beyond). */
  email: 320,
  /** Any other displayed text: descriptions, host names, plan and OS names, messages. */
  text: 2000,
} as const;

/** A schema for outside text where it enters (wire, settings file): at most `max` characters, cleaned. */
export function outsideText(max: number) {
  return v.pipe(v.string(), v.maxLength(max), v.transform(stripInvisible));
}
