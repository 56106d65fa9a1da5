import type { dialogsEn } from './dialogs.en';

/** Gujarati text of the create, restore and delete dialogs (same keys as the English catalog). */
export const dialogsGu = {
  'dialog.close': 'બંધ કરો',
  'dialog.cancel': 'રદ કરો',
  'dialog.sizeUnknown': 'કદ હજી જાણીતું નથી',
  'dialog.errorDetail': 'વિગતો: {message}',
  'dialog.charSpace': 'ખાલી જગ્યાઓ',
  'dialog.listSeparator': ', ',

  'dialog.error.unauthorized': 'VPS.org એ API ટોકન નકારી કાઢ્યું. સેટિંગ્સમાં તેને બદલો, પછી ફરી પ્રયાસ કરો.',
  'dialog.error.not_found': 'સર્વર અથવા સ્નેપશોટ હવે VPS.org પર અસ્તિત્વમાં નથી. સૂચિ તાજી કરવામાં આવશે.',
  'dialog.error.limit_reached':
    'સર્વર પાસે પહેલેથી જ મંજૂર મહત્તમ સંખ્યામાં સ્નેપશોટ છે. જૂનો એક કાઢી નાખો, પછી ફરી પ્રયાસ કરો.',
  'dialog.error.invalid': 'VPS.org એ વિનંતી સ્વીકારી નહીં.',
  'dialog.error.rate_limited': 'VPS.org ને અત્યારે ઘણી વધારે વિનંતીઓ મળી રહી છે. થોડી રાહ જુઓ અને ફરી પ્રયાસ કરો.',
  'dialog.error.server': 'VPS.org ને વિનંતી સંભાળવામાં સમસ્યા આવી. થોડી વારમાં ફરી પ્રયાસ કરો.',
  'dialog.error.network': 'VPS.org સુધી પહોંચી શકાયું નહીં. તમારું ઇન્ટરનેટ કનેક્શન તપાસો અને ફરી પ્રયાસ કરો.',
  'dialog.error.timeout':
    'VPS.org એ સમયસર જવાબ આપ્યો નહીં. વિનંતી કદાચ પહોંચી ગઈ હોય: ફરી પ્રયાસ કરતા પહેલાં સ્નેપશોટની સૂચિ તપાસો.',
  'dialog.error.cancelled': 'VPS.org જવાબ આપે તે પહેલાં વિનંતી રદ કરવામાં આવી. ફરી પ્રયાસ કરતાં પહેલાં સૂચિ તપાસો.',
  'dialog.error.bad_response': 'VPS.org એ એવો જવાબ મોકલ્યો જે આ એપ સમજી શકી નહીં.',
  'dialog.error.validation': 'વિનંતી માન્ય ન હતી.',
  'dialog.error.refused': 'અત્યારે આ શક્ય નથી.',
  'dialog.error.keychain': 'સિસ્ટમ કીચેઇનમાંથી API ટોકન વાંચી શકાયું નહીં.',
  'dialog.error.not_signed_in': 'તમે સાઇન ઇન થયેલા નથી. API ટોકન વડે સાઇન ઇન કરો અથવા ડેમો અજમાવો.',
  'dialog.error.internal': 'એપમાં કંઈક ખોટું થયું.',

  'dialog.create.title': '{server} નો નવો સ્નેપશોટ',
  'dialog.create.nameLabel': 'સ્નેપશોટનું નામ',
  'dialog.create.nameHint': 'અક્ષરો, અંકો, હાઇફન (-) અને અન્ડરસ્કોર (_); વધુમાં વધુ {max} અક્ષરો.',
  'dialog.create.nameEmpty': 'સ્નેપશોટ માટે નામ દાખલ કરો.',
  'dialog.create.nameTooLong': 'નામ {length} અક્ષરોનું છે; વધુમાં વધુ {max} અક્ષરોની મંજૂરી છે.',
  'dialog.create.nameBadCharacters': 'નામમાં {chars} ન હોઈ શકે. ફક્ત અક્ષરો, અંકો, હાઇફન અને અન્ડરસ્કોર વાપરો.',
  'dialog.create.nameTaken': '{server} પાસે {name} નામનો સ્નેપશોટ પહેલેથી જ છે. બીજું નામ પસંદ કરો.',
  'dialog.create.refusedRestoring': '{server} અત્યારે પુનઃસ્થાપિત થઈ રહ્યું છે. પુનઃસ્થાપન પૂરું થયા પછી સ્નેપશોટ લો.',
  'dialog.create.descriptionLabel': 'વર્ણન (વૈકલ્પિક)',
  'dialog.create.descriptionPlaceholder': 'ઉદાહરણ તરીકે: સિસ્ટમ અપડેટ પહેલાં',
  'dialog.create.descriptionTooLong': 'વર્ણન {length} અક્ષરોનું છે; વધુમાં વધુ {max} અક્ષરોની મંજૂરી છે.',
  'dialog.create.descriptionControl': 'વર્ણનમાં અદૃશ્ય કંટ્રોલ અક્ષરો છે. તેમને દૂર કરો (નવી લાઇન અને ટૅબ ચાલશે).',
  'dialog.create.quota': 'આ સર્વરના સ્નેપશોટ: {count}/{max}',
  'dialog.create.quotaFull':
    'આ સર્વર પાસે પહેલેથી જ {max} સ્નેપશોટ છે, જે VPS.org ની મહત્તમ મર્યાદા છે. નવો લેતા પહેલાં એક કાઢી નાખો.',
  'dialog.create.quotaCandidates': 'આ કાઢી શકાય છે, સૌથી જૂના પહેલા:',
  'dialog.create.quotaCandidate': '{name}, {date} ના રોજ લીધેલો ({age})',
  'dialog.create.quotaNoCandidates': 'તે બધા હજી બની રહ્યા છે. એક પૂરો થાય ત્યાં સુધી રાહ જુઓ, પછી એક કાઢી નાખો.',
  'dialog.create.activeAdvice':
    '{server} ચાલી રહ્યું છે. ચાલતા સર્વરના સ્નેપશોટમાં અડધી લખાયેલી ફાઇલો આવી શકે છે; સંપૂર્ણ સુસંગત સ્નેપશોટ માટે પહેલાં સર્વર બંધ કરો.',
  'dialog.create.duration':
    'સ્નેપશોટ લેવામાં સર્વરના કદ પ્રમાણે {min}-{max} મિનિટ લાગે છે. તે તૈયાર થશે ત્યારે તમને સૂચના મળશે.',
  'dialog.create.submit': 'સ્નેપશોટ લો',
  'dialog.create.submitting': 'શરૂ કરી રહ્યા છીએ…',

  'dialog.restore.title': '{server} પુનઃસ્થાપિત કરો',
  'dialog.restore.intro': 'આ {server} ને સ્નેપશોટ {snapshot} પર પાછું લાવશે, જે {date} ના રોજ લેવાયો હતો ({age}).',
  'dialog.restore.loss': 'ત્યાર પછી સર્વર પર લખાયેલું બધું (ફાઇલો, ડેટાબેઝ, સેટિંગ્સ) ગુમાવાશે.',
  'dialog.restore.stopFirst': 'સર્વરને પહેલાં બંધ કરવામાં આવે છે, અને પુનઃસ્થાપન પૂરું ન થાય ત્યાં સુધી તે ઉપલબ્ધ રહેતું નથી.',
  'dialog.restore.duration': 'પુનઃસ્થાપનમાં {min}-{max} મિનિટ લાગે છે.',
  'dialog.restore.irreversible': 'આ પૂર્વવત્ કરી શકાતું નથી.',
  'dialog.restore.confirmLabel': 'પુષ્ટિ કરવા માટે સર્વરનું નામ લખો:',
  'dialog.restore.confirmMismatch': 'નામ બરાબર બતાવ્યા પ્રમાણે લખો, એ જ કેપિટલ અક્ષરો સાથે અને વધારાની જગ્યા વિના.',
  'dialog.restore.refusedInProgress': 'આ સ્નેપશોટ હજી બની રહ્યો છે. તે પૂર્ણ થયા પછી તેને પુનઃસ્થાપિત કરી શકાશે.',
  'dialog.restore.refusedFailed': 'આ સ્નેપશોટ નિષ્ફળ ગયો છે, તેથી તેને પુનઃસ્થાપિત કરી શકાતો નથી.',
  'dialog.restore.refusedSnapshotStatus': 'આ સ્નેપશોટ પુનઃસ્થાપિત કરી શકાતો નથી: તેની સ્થિતિ “{status}” છે.',
  'dialog.restore.refusedRestoring': '{server} પહેલેથી જ પુનઃસ્થાપિત થઈ રહ્યું છે. તે પૂરું થાય ત્યાં સુધી રાહ જુઓ.',
  'dialog.restore.refusedSuspended': '{server} સસ્પેન્ડ કરેલું છે, અને સસ્પેન્ડ કરેલા સર્વરને પુનઃસ્થાપિત કરી શકાતું નથી.',
  'dialog.restore.submit': 'પુનઃસ્થાપિત કરો અને ઓવરરાઇટ કરો',
  'dialog.restore.submitting': 'પુનઃસ્થાપન શરૂ કરી રહ્યા છીએ…',

  'dialog.delete.title': 'સ્નેપશોટ કાઢી નાખો',
  'dialog.delete.question': '{server} નો સ્નેપશોટ {snapshot} કાઢી નાખવો છે?',
  'dialog.delete.details': '{date} ના રોજ લીધેલો; {size}.',
  'dialog.delete.permanent':
    'કાઢી નાખવું કાયમી છે: સ્નેપશોટ પાછો મેળવી શકાતો નથી, અને સર્વરને હવે આ સ્થિતિમાં પુનઃસ્થાપિત કરી શકાશે નહીં.',
  'dialog.delete.refusedInProgress': 'આ સ્નેપશોટ હજી બની રહ્યો છે. તે પૂરો થયા પછી તેને કાઢી શકાશે.',
  'dialog.delete.submit': 'કાયમ માટે કાઢી નાખો',
  'dialog.delete.submitting': 'કાઢી રહ્યા છીએ…',
} as const satisfies Record<keyof typeof dialogsEn, string>;
