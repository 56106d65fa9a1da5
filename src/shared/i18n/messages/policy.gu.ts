/** Gujarati texts of pins and snapshot policies (same keys and placeholders as policy.en.ts). */
import type { policyEn } from './policy.en';

/** The Gujarati pin and policy texts. */
export const policyGu = {
  'pin.pin': 'પિન કરો',
  'pin.unpin': 'પિન હટાવો',
  'pin.pinLabel': 'સ્નેપશોટ {name} પિન કરો',
  'pin.unpinLabel': 'સ્નેપશોટ {name} પરથી પિન હટાવો',
  'pin.badge': 'પિન કરેલો',
  'pin.badgeTitle': 'પિન કરેલો: રોટેશન તેને ક્યારેય કાઢતું નથી, અને તેને કાઢતાં પહેલાં બે વાર પૂછવામાં આવે છે.',
  'pin.failed': 'પિન બદલી શકાઈ નહીં: {reason}',
  'dialog.delete.pinnedWarning':
    '“{snapshot}” પિન કરેલો છે: તમે તેને રાખવા માટે ચિહ્નિત કર્યો હતો. રોટેશન તેને ક્યારેય કાઢતું નથી. છતાં તેને કાઢવો છે?',
  'dialog.delete.pinnedSubmit': 'પિન કરેલો સ્નેપશોટ કાઢો',
  'core.deletePinned': 'સ્નેપશોટ “{snapshot}” પિન કરેલો છે. તેને કાઢવા માટે બીજી વાર પુષ્ટિ કરો, અથવા પહેલાં પિન હટાવો.',
} as const satisfies Record<keyof typeof policyEn, string>;
