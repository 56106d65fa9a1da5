/** Gujarati messages the core writes (same keys and placeholders as core.en.ts). */
import type { coreEn } from './core.en';

/** The Gujarati core messages. */
export const coreGu = {
  'rule.name.empty': 'સ્નેપશોટને નામ જોઈએ.',
  'rule.name.tooLong': 'સ્નેપશોટના નામમાં વધુમાં વધુ {max} અક્ષરો હોઈ શકે (આમાં {length} છે).',
  'rule.name.badCharacters': 'સ્નેપશોટના નામમાં ફક્ત અક્ષરો, અંકો, હાઇફન (-) અને અન્ડરસ્કોર (_) હોઈ શકે; {chars} નહીં.',
  'rule.description.tooLong': 'વર્ણન ખૂબ લાંબું છે: વધુમાં વધુ {max} અક્ષરો.',
  'rule.description.control': 'વર્ણનમાં નિયંત્રણ અક્ષરો છે; સાદું લખાણ વાપરો.',
  'rule.url.invalid': 'API સરનામું માન્ય URL નથી, જેમ કે https://admin.vps.org/api/v1/.',
  'rule.url.insecure': 'API સરનામાએ https વાપરવું જોઈએ (સાદું http ફક્ત આ કમ્પ્યુટર માટે, જેમ કે સ્થાનિક સિમ્યુલેટર).',
  'rule.url.credentials': 'API સરનામામાં વપરાશકર્તા નામ કે પાસવર્ડ ન હોવા જોઈએ.',
  'rule.template.empty': 'સ્નેપશોટ નામનો નમૂનો ખાલી છે.',
  'rule.template.tooLong': 'સ્નેપશોટ નામનો નમૂનો ખૂબ લાંબો છે (વધુમાં વધુ {max} અક્ષરો).',
  'rule.template.noPlaceholder':
    'નામના નમૂનામાં {server} અથવા {yyyyMMdd-HHmm} જેવો પ્લેસહોલ્ડર જોઈએ, નહીં તો બધાં નામ સરખાં થશે.',
  'rule.template.unknownPlaceholder':
    'નામના નમૂનામાં {found} છે, જે પ્લેસહોલ્ડર નથી. {server}, {id}, અથવા {yyyyMMdd-HHmm} (સ્થાનિક સમય) કે {utc:yyyyMMdd-HHmm} (UTC) જેવી તારીખ વાપરો.',
  'rule.pollInterval': 'તપાસનો અંતરાલ {min} થી {max} સેકન્ડની પૂર્ણ સંખ્યા હોવો જોઈએ.',
  'rule.idleRefresh': 'પૃષ્ઠભૂમિમાં તાજું કરવાનો અંતરાલ {min} થી {max} મિનિટની પૂર્ણ સંખ્યા હોવો જોઈએ.',
  'rule.language': 'અજાણી ભાષા.',

  'core.limit': '{server} પાસે પહેલેથી {limit} માંથી {count} સ્નેપશોટ છે, જે મહત્તમ મર્યાદા છે. પહેલાં કોઈ જૂનો કાઢી નાખો.',
  'core.createWhileRestoring': '{server} અત્યારે પુનઃસ્થાપિત થઈ રહ્યું છે. પુનઃસ્થાપન પૂરું થાય પછી સ્નેપશોટ લો.',
  'core.nameTaken': '{server} પાસે “{name}” નામનો સ્નેપશોટ પહેલેથી છે. બીજું નામ પસંદ કરો.',
  'core.restoreNoName':
    'VPS.org પર આ સર્વરનું કોઈ નામ નથી, તેથી ઍપ તમને નામ લખીને પુનઃસ્થાપનની પુષ્ટિ કરવા કહી શકતી નથી. પહેલાં VPS.org ડેશબોર્ડમાં સર્વરને નામ આપો.',
  'core.restoreConfirm':
    'પુનઃસ્થાપિત કરવા માટે સર્વરનું નામ બરાબર બતાવ્યા મુજબ લખો (“{server}”). પુનઃસ્થાપન તેનો બધો ડેટા બદલી નાખે છે.',
  'core.restoreOtherServer': 'સ્નેપશોટ “{snapshot}” બીજા સર્વરનો છે, {server} નો નહીં.',
  'core.restoreAlready': '{server} પહેલેથી પુનઃસ્થાપિત થઈ રહ્યું છે. તે પુનઃસ્થાપન પૂરું થાય ત્યાં સુધી રાહ જુઓ.',
  'core.restoreSuspended': '{server} સ્થગિત છે, તેથી તેને પુનઃસ્થાપિત કરી શકાતું નથી. VPS.org સપોર્ટનો સંપર્ક કરો.',
  'core.restoreInProgress':
    'સ્નેપશોટ “{snapshot}” હજી પુનઃસ્થાપિત કરી શકાતો નથી: તે હજી બની રહ્યો છે. ફક્ત પૂર્ણ સ્નેપશોટ જ પુનઃસ્થાપિત કરી શકાય છે.',
  'core.restoreBadStatus':
    'સ્નેપશોટ “{snapshot}” પુનઃસ્થાપિત કરી શકાતો નથી: તેની સ્થિતિ “{status}” છે. ફક્ત પૂર્ણ સ્નેપશોટ જ પુનઃસ્થાપિત કરી શકાય છે.',
  'core.deleteInProgress': 'સ્નેપશોટ “{snapshot}” હજી બની રહ્યો છે. તે પૂરો થાય પછી તેને કાઢી શકાશે.',
  'core.deleteRestoreSource':
    '{server} સ્નેપશોટ “{snapshot}” માંથી પુનઃસ્થાપિત થઈ રહ્યું છે. પુનઃસ્થાપન પૂરું થાય પછી તેને કાઢી શકાશે.',
  'core.starting':
    'VPS Snapshot Tray હજી શરૂ થઈ રહી છે (તેનાં સેટિંગ્સ અને કીચેઇન વાંચી રહી છે). થોડી વારમાં ફરી પ્રયાસ કરો.',
  'core.notSignedIn': 'હજી VPS.org સાથે જોડાણ નથી. API ટોકન પેસ્ટ કરો (Account → Developers) અથવા ડેમો અજમાવો.',
  'core.serverNotFound': 'તે સર્વર આ એકાઉન્ટમાં (હવે) નથી. યાદી તાજી કરીને ફરી પ્રયાસ કરો.',
  'core.snapshotNotFound': 'તે સ્નેપશોટ હવે અસ્તિત્વમાં નથી. યાદી તાજી કરીને ફરી પ્રયાસ કરો.',
  'core.requestOnItsWay': '{server} માટેની વિનંતી પહેલેથી મોકલાઈ રહી છે. થોડી રાહ જુઓ અને કામગીરીની યાદી જુઓ.',
  'core.createUnsure':
    '{server} નો “{snapshot}” નામનો સ્નેપશોટ શરૂ થયો કે નહીં તે ઍપ પહેલેથી તપાસી રહી છે: VPS.org એ હજી પુષ્ટિ કરી નથી. અત્યારે ફરી લેવાથી બીજો બની શકે; ઍપને ખબર પડતાં જ તમને જણાવશે.',
  'core.createUnsureSeen':
    'VPS.org એ થોડી વાર પહેલાં {server} નો “{snapshot}” નામનો સ્નેપશોટ સ્વીકાર્યો છે અને ઍપ તે યાદીમાં દેખાય તેની રાહ જુએ છે. ફરી લેવાથી બીજો બનશે.',
  'core.dismissRunning': 'આ કામગીરી હજી ચાલુ છે. તે પૂરી થાય પછી તેને બંધ કરી શકાશે.',
  'core.pasteToken': 'પહેલાં API ટોકન પેસ્ટ કરો.',
  'core.tokenRefused':
    'VPS.org એ આ ટોકન સ્વીકાર્યું નહીં. તમે આખું કૉપિ કર્યું છે અને તે રદ થયું નથી તે તપાસો (Account → Developers).',
  'core.keychainStore':
    'ટોકન કામ કરે છે, પણ સિસ્ટમ કીચેઇન તેને સાચવી શકી નહીં: {reason}. તમે તેને ફક્ત આ સત્ર માટે રાખી શકો છો; ત્યારે તે ક્યાંય સચવાતું નથી અને ફરી શરૂ કર્યા પછી તમારે તેને ફરી પેસ્ટ કરવું પડશે.',
  'core.keychainRemove':
    'તમે ઍપમાંથી સાઇન આઉટ થઈ ગયા છો, પણ ટોકન સિસ્ટમ કીચેઇનમાંથી કાઢી શકાયા નહીં: {reason}. ત્યાંથી “VPS Snapshot Tray”ની બધી એન્ટ્રીઓ જાતે કાઢી નાખો.',
  'core.demoWhileSignedIn': 'પહેલાં સાઇન આઉટ કરો: ડેમો ચાલે ત્યાં સુધી ઍપમાં તમારા VPS.org એકાઉન્ટની જગ્યા લે છે.',
  'core.demoFailed': 'ડેમો શરૂ થઈ શક્યો નહીં. કૃપા કરીને ફરી પ્રયાસ કરો.',
  'core.externalRefused': 'ઍપમાંથી ફક્ત VPS.org વેબસાઇટનાં પાનાં (https://…vps.org) જ ખોલી શકાય છે.',
  'core.browserFailed': 'તે પાના માટે બ્રાઉઝર ખોલી શકાયું નહીં.',
  'core.windowFailed': 'વિન્ડો બતાવી શકાઈ નહીં.',
} as const satisfies Record<keyof typeof coreEn, string>;
