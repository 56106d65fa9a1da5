/** Gujarati notification texts and outcome sentences (same keys and placeholders as notify.en.ts). */
import type { notifyEn } from './notify.en';

/** The Gujarati notification texts. */
export const notifyGu = {
  'notify.demo': '{title} (ડેમો)',
  'notify.createDone.title': '{server}: સ્નેપશોટ પૂર્ણ',
  'notify.createDone.body': '{server} નો સ્નેપશોટ “{snapshot}” {duration} પછી તૈયાર છે. {outcome}',
  'notify.createFailed.title': '{server}: સ્નેપશોટ નિષ્ફળ',
  'notify.createFailed.body': '{server} નો સ્નેપશોટ “{snapshot}” પૂર્ણ થયો નહીં ({duration} પછી). {outcome}',
  'notify.restoreDone.title': '{server}: પુનઃસ્થાપન પૂર્ણ',
  'notify.restoreDone.body':
    '{server} ને સ્નેપશોટ “{snapshot}” માંથી {duration} માં પુનઃસ્થાપિત કરવામાં આવ્યું. {outcome}',
  'notify.restoreFailed.title': '{server}: પુનઃસ્થાપન નિષ્ફળ',
  'notify.restoreFailed.body':
    'સ્નેપશોટ “{snapshot}” માંથી {server} નું પુનઃસ્થાપન {duration} પછી સફળતા વિના પૂરું થયું. {outcome}',
  'notify.tokenInvalid.title': 'VPS.org ટોકને કામ કરવાનું બંધ કર્યું',
  'notify.tokenInvalid.body':
    'VPS.org હવે API ટોકન સ્વીકારતું નથી, તેથી VPS Snapshot Tray એ તમારા સર્વર તપાસવાનું બંધ કર્યું છે. ટ્રૅક થતી કામગીરી સાચવી રાખી છે. ઍપ ખોલો અને Account → Developers માંથી નવું ટોકન પેસ્ટ કરો.',
  'notify.settingsProblem.title': 'સેટિંગ્સ ફાઇલમાં સમસ્યા',
  'notify.settingsProblem.body':
    'કેટલાંક સેટિંગ્સ કદાચ ડિફૉલ્ટ પર પાછાં આવ્યાં છે. શું થયું તે જોવા VPS Snapshot Tray ખોલો અને સેટિંગ્સ તપાસો.',
  'notify.saveFailed.title': 'સેટિંગ્સ સાચવી શકાતાં નથી',
  'notify.saveFailed.body':
    'VPS Snapshot Tray તેની સેટિંગ્સ ફાઇલ લખી શકી નહીં ({reason}). તે કામ કરતી રહે છે અને કામગીરી કેવી રીતે પૂરી થઈ તે જણાવે છે, પણ ફરી શરૂ કર્યા પછી તે કેટલાંક પરિણામો ફરી જણાવી શકે અને બદલેલાં સેટિંગ્સ ભૂલી શકે.',
  'notify.snapshotStarted.title': '{server}: સ્નેપશોટ શરૂ થયો',
  'notify.snapshotStarted.body':
    'સ્નેપશોટ “{snapshot}” લેવાઈ રહ્યો છે. સામાન્ય રીતે {usual} લાગે છે; તૈયાર થશે ત્યારે તમને જાણ કરવામાં આવશે.',
  'notify.snapshotUnclear.body':
    'VPS.org એ સ્પષ્ટ જવાબ આપ્યો નહીં, તેથી સ્નેપશોટ “{snapshot}” શરૂ થયો હોઈ શકે. ઍપ તપાસ કરી રહી છે અને તેનું પરિણામ જણાવશે; ત્યાં સુધી બીજો શરૂ કરશો નહીં.',
  'notify.snapshotRefused.title': '{server}: સ્નેપશોટ લેવાયો નહીં',
  'notify.refreshFailed.title': 'તાજું કરવું નિષ્ફળ',
  'notify.demoFailed.title': 'ડેમો શરૂ થયો નહીં',
  'notify.leaveDemoFailed.title': 'ડેમો છોડી શકાયો નહીં',

  'outcome.created': 'કદ: {size}.',
  'outcome.createdNoSize': 'VPS.org એ હજી તેનું કદ જણાવ્યું નથી.',
  'outcome.snapshotFailed': 'VPS.org તેની સ્થિતિ “{status}” બતાવે છે. જગ્યા ખાલી કરવા તેને કાઢી નાખો, પછી નવો લો.',
  'outcome.snapshotGone':
    'તે હવે VPS.org પર દેખાતો નથી: તે નિષ્ફળ ગયો અથવા કાઢી નાખવામાં આવ્યો. હજી જરૂર હોય તો નવો સ્નેપશોટ લો.',
  'outcome.notApplied':
    'વિનંતી પછીની {minutes, plural, one {# મિનિટમાં} other {# મિનિટમાં}} VPS.org એ તેને બતાવ્યો નથી, તેથી વિનંતી અમલમાં આવી નહીં. હવે ફરીથી સ્નેપશોટ લેવો સલામત છે.',
  'outcome.restoredUp': '{server} ફરી ચાલુ થઈ ગયું છે.',
  'outcome.restoredAsBefore': '{server} પુનઃસ્થાપન પહેલાંની જેમ ફરી {status} છે.',
  'outcome.restoredDown': '{server} હવે {status} છે, ચાલુ નથી. તે ચાલુ હોવું જોઈએ તો VPS.org ડેશબોર્ડમાંથી શરૂ કરો.',
  'outcome.notListed':
    'VPS.org એ વિનંતી સ્વીકારી, પણ પછીની {minutes, plural, one {# મિનિટમાં} other {# મિનિટમાં}} સ્નેપશોટ બતાવ્યો નથી. બીજો લેતાં પહેલાં VPS.org પર સર્વરના સ્નેપશોટ તપાસો.',
  'outcome.restoredEnded': '{server} હવે પુનઃસ્થાપિત થઈ રહ્યું નથી.',
  'outcome.restoreUnconfirmedNoStatus':
    'ઍપ પરિણામની પુષ્ટિ કરી શકી નહીં: પુનઃસ્થાપનની વિનંતી પછીની {minutes, plural, one {# મિનિટમાં} other {# મિનિટમાં}} VPS.org એ ક્યારેય {server} ને પુનઃસ્થાપિત થતું બતાવ્યું નહીં. ફરી પુનઃસ્થાપિત કરતાં પહેલાં સર્વર અને તેનો ડેટા તપાસો.',
  'outcome.serverGone': 'સર્વર હવે VPS.org પર દેખાતું નથી. VPS.org ડેશબોર્ડ તપાસો.',
  'outcome.restoreUnconfirmed':
    'ઍપ પરિણામની પુષ્ટિ કરી શકી નહીં: પુનઃસ્થાપનની વિનંતી પછીની {minutes, plural, one {# મિનિટમાં} other {# મિનિટમાં}} VPS.org એ ક્યારેય {server} ને પુનઃસ્થાપિત થતું બતાવ્યું નહીં, અને હવે તે {status} છે. ફરી પુનઃસ્થાપિત કરતાં પહેલાં સર્વર અને તેનો ડેટા તપાસો.',
} as const satisfies Record<keyof typeof notifyEn, string>;
