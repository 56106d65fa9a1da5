/** Gujarati texts of the safety flows (same keys and placeholders as safety.en.ts). */
import type { safetyEn } from './safety.en';

/** The Gujarati safety-flow texts. */
export const safetyGu = {
  'header.history': 'ઇતિહાસ',
  'history.title': 'ઇતિહાસ',
  'history.intro':
    'આ એકાઉન્ટ માટે ઍપે શરૂ કરેલ કે પૂરો થતો જોયેલ દરેક સ્નેપશોટ, પુનઃસ્થાપન અને કાઢી નાખવું, અને ઍપે નકારેલી દરેક ક્રિયા. આ કમ્પ્યુટર પર રાખેલ (નવીનતમ {max}).',
  'history.filterLabel': 'સર્વર',
  'history.allServers': 'બધા સર્વર',
  'history.count': '{count, plural, one {# નોંધ} other {# નોંધો}}',
  'history.empty': 'ઇતિહાસમાં હજી કંઈ નથી.',
  'history.emptyFiltered': '{server} માટે ઇતિહાસમાં કંઈ નથી.',
  'history.exportJson': 'JSON નિકાસ કરો',
  'history.exportCsv': 'CSV નિકાસ કરો',
  'history.exporting': 'નિકાસ થઈ રહી છે…',
  'history.saved': '{path} માં સાચવ્યું.',
  'history.downloaded': '{file} ડાઉનલોડ થયું.',
  'history.cancelled': 'નિકાસ રદ કરી.',
  'history.col.when': 'ક્યારે',
  'history.col.what': 'શું',
  'history.col.server': 'સર્વર',
  'history.col.snapshot': 'સ્નેપશોટ',
  'history.col.source': 'ક્યાંથી',
  'history.col.result': 'પરિણામ',
  'history.col.details': 'વિગતો',
  'history.kind.create': 'સ્નેપશોટ',
  'history.kind.restore': 'પુનઃસ્થાપન',
  'history.kind.delete': 'કાઢી નાખવું',
  'history.what': '{kind} ({flow})',
  'history.flow.safety-restore': 'પુનઃસ્થાપન પહેલાં',
  'history.flow.after-safety': 'હાલની સ્થિતિના સ્નેપશોટ પછી',
  'history.flow.make-room': 'જગ્યા કરવા માટે',
  'history.source.window': 'વિન્ડો',
  'history.source.tray': 'ટ્રે',
  'history.source.schedule': 'સમયપત્રક',
  'history.source.follow-up': 'અનુસરણ',
  'history.source.safety': 'સલામતી સ્નેપશોટ',
  'history.result.succeeded': 'પૂર્ણ',
  'history.result.failed': 'નિષ્ફળ',
  'history.result.refused': 'નકાર્યું',
  'history.deleted': 'સ્નેપશોટ કાઢી નાખ્યો.',
  'core.exportFailed': 'ફાઇલ લખી શકાઈ નહીં: {reason}. બીજી જગ્યા પસંદ કરીને ફરી પ્રયાસ કરો.',
  'settingsFile.issue.historyUnreadable': 'ઇતિહાસ વાંચી શકાયો નહીં.',
  'settingsFile.issue.historyDropped':
    '{count, plural, one {# વાંચી ન શકાય તેવી ઇતિહાસ નોંધ દૂર કરી} other {# વાંચી ન શકાય તેવી ઇતિહાસ નોંધો દૂર કરી}}.',
  'dialog.restore.safety': 'પહેલા હાલની સ્થિતિનો સ્નેપશોટ લો',
  'dialog.restore.safetyHint':
    '{server} અત્યારે જેવું છે તેનો સ્નેપશોટ લે છે અને તે સ્નેપશોટ પૂર્ણ થાય પછી જ પુનઃસ્થાપન શરૂ કરે છે. આમાં {min}-{max} મિનિટ વધુ લાગે છે. જો સ્નેપશોટ નિષ્ફળ જાય, તો કંઈ પુનઃસ્થાપિત થતું નથી.',
  'dialog.restore.safetyNoSlot':
    '{server} પાસે પહેલેથી {limit} માંથી {limit} સ્નેપશોટ છે, તેથી હાલની સ્થિતિના સ્નેપશોટ માટે ખાલી જગ્યા નથી. તે લેવા માટે પહેલા એક કાઢી નાખો, અથવા તેના વિના પુનઃસ્થાપિત કરો.',
  'ops.safetyThen': 'પછી “{snapshot}” માંથી પુનઃસ્થાપન',
  'safety.abandoned.safetyFailed': 'પુનઃસ્થાપન શરૂ કર્યું નથી કારણ કે હાલની સ્થિતિનો સ્નેપશોટ નિષ્ફળ ગયો.',
  'safety.abandoned.safetyUnclear':
    'પુનઃસ્થાપન શરૂ કર્યું નથી કારણ કે VPS.org એ હાલની સ્થિતિના સ્નેપશોટની ક્યારેય પુષ્ટિ કરી નથી, તેથી ઍપ કહી શકતી નથી કે તે અસ્તિત્વમાં છે કે નહીં.',
  'safety.abandoned.restoreRefused':
    'હાલની સ્થિતિના સ્નેપશોટ પછી પુનઃસ્થાપન શરૂ કર્યું નથી: તે દરમિયાન સર્વર અથવા પુનઃસ્થાપિત કરવાનો સ્નેપશોટ બદલાઈ ગયો.',
  'notify.safetyAbandoned.title': '{server}: પુનઃસ્થાપન શરૂ થયું નથી',
  'notify.safetyAbandoned.body':
    '{reason} {server} જેમ હતું તેમ જ રાખ્યું છે; સ્નેપશોટ “{snapshot}” પુનઃસ્થાપિત કર્યો નથી.',
} as const satisfies Record<keyof typeof safetyEn, string>;
