/** The app's one set of catalogs and the translator every surface uses (see translator.ts). */
export { CATALOGS, LOCALES, isMessageKey, type Locale, type MessageKey } from './catalogs';
export { formatMessage, messageArguments, placeholders, type MessageParams } from './message-format';
export {
  ENGLISH,
  Translator,
  english,
  resolveLocale,
  translatorFor,
  type ResolvedLanguage,
} from './translator';
export { ERROR_KIND_KEYS, errorMessage, messagesText, outcomeText, statusWord } from './texts';
