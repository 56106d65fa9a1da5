/** Gujarati messages about the app's own troubles (same keys and placeholders as problems.en.ts). */
import type { problemsEn } from './problems.en';

/** The Gujarati messages about the app's own troubles. */
export const problemsGu = {
  'core.untrustedSender': 'આ વિનંતી એપની વિન્ડોમાંથી આવી નથી, તેથી નકારી દેવામાં આવી.',
  'core.internal': 'એપની અંદર કંઈક ખોટું થયું. ફરી પ્રયાસ કરો; જો આવું વારંવાર થાય, તો એપ ફરી શરૂ કરો.',
  'core.addressChanged':
    'ટોકન તપાસાતું હતું ત્યારે API સરનામું બદલાઈ ગયું, તેથી ટોકન વાપર્યું નથી કે રાખ્યું નથી. અહીં બતાવેલું સરનામું તપાસો અને ફરી સાઇન ઇન કરો.',
  'settingsFile.unreadable': 'સેટિંગ્સ ફાઇલ {path} વાંચી શકાઈ નહીં.',
  'settingsFile.cannotBackUp': 'સેટિંગ્સ ફાઇલ {path} માં સમસ્યાઓ છે અને તેનો બેકઅપ લઈ શકાયો નહીં.',
  'settingsFile.leftAlone':
    'ફાઇલને જેમ હતી તેમ જ રહેવા દીધી છે. એપ હાલ પૂરતી ડિફૉલ્ટ સેટિંગ્સ વાપરે છે, અને તમે કરેલા ફેરફારો એપ બંધ કરો ત્યાં સુધી જ રહે છે. એ ફાઇલ સુધારો અથવા ખસેડો, પછી એપ ફરી શરૂ કરો.',
  'settingsFile.leftAlonePartly':
    'ફાઇલને જેમ હતી તેમ જ રહેવા દીધી છે. એપ હાલ પૂરતું જે વાંચી શકાયું તે, અને બાકીના માટે ડિફૉલ્ટ મૂલ્યો વાપરે છે; તમે કરેલા ફેરફારો એપ બંધ કરો ત્યાં સુધી જ રહે છે. એ ફાઇલ સુધારો અથવા ખસેડો, પછી એપ ફરી શરૂ કરો.',
  'settingsFile.hadProblems': 'તમારી સેટિંગ્સ ફાઇલમાં સમસ્યાઓ હતી.',
  'settingsFile.backedUp': 'મૂળ ફાઇલ {backup} તરીકે સાચવી છે, અને જે વાંચી શકાયું નહીં તે બધા માટે ડિફૉલ્ટ મૂલ્યો વપરાય છે.',
  'settingsFile.cannotOpen':
    'સેટિંગ્સ ફાઇલ {path} સાચવવા માટે ખોલી શકાઈ નહીં ({code}); તમે કરેલા ફેરફારો એપ બંધ કરો ત્યાં સુધી જ રહે છે.',
  'settingsFile.tokenForAnotherAddress':
    'સેટિંગ્સમાં API સરનામું {current} છે, પણ સિસ્ટમ કીચેઇનમાંનું ટોકન {others} માટે છે. જો તમે જાતે સરનામું બદલ્યું ન હોય, તો કદાચ બીજા કોઈએ બદલ્યું છે: ટોકન પેસ્ટ કરતાં પહેલાં સાઇન-ઇન સ્ક્રીન પર તે તપાસો, કારણ કે ટોકન એ જ સરનામે મોકલાય છે.',
  'settingsFile.fs.folder': 'ફાઇલની જગ્યાએ એક ફોલ્ડર છે.',
  'settingsFile.fs.access': 'એપને તે વાપરવાની પરવાનગી નથી (તેની પરવાનગીઓ તપાસો).',
  'settingsFile.fs.loop': 'તે એવી લિંક છે જે પાછી પોતાની તરફ જ નિર્દેશ કરે છે.',
  'settingsFile.fs.other': 'સિસ્ટમે {code} જણાવ્યું.',
  'settingsFile.issue.notJson': 'તે માન્ય JSON નહોતી અને તેમાંથી કશું વાંચી શકાયું નહીં.',
  'settingsFile.issue.truncated': 'તે અધૂરી કે બગડેલી હતી; વાંચી શકાય તેવો ભાગ રાખ્યો છે.',
  'settingsFile.issue.notObject': 'તેમાં સેટિંગ્સ નહોતી.',
  'settingsFile.issue.unknownEntries':
    '{count, plural, one {# અજાણી એન્ટ્રી દૂર કરી} other {# અજાણી એન્ટ્રીઓ દૂર કરી}}.',
  'settingsFile.issue.settingsUnreadable': 'સેટિંગ્સ વાંચી શકાઈ નહીં, તેથી ડિફૉલ્ટ પર પાછી મૂકી.',
  'settingsFile.issue.invalidValues': 'અમાન્ય મૂલ્યો ડિફૉલ્ટ પર પાછાં મૂક્યાં ({keys}).',
  'settingsFile.issue.unknownSettings':
    '{count, plural, one {# અજાણી સેટિંગ દૂર કરી} other {# અજાણી સેટિંગ્સ દૂર કરી}}.',
  'settingsFile.issue.operationsUnreadable': 'ટ્રૅક કરેલી કામગીરીઓની યાદી વાંચી શકાઈ નહીં.',
  'settingsFile.issue.operationsDropped':
    '{count, plural, one {# વાંચી ન શકાય તેવી ટ્રૅક કરેલી કામગીરી દૂર કરી} other {# વાંચી ન શકાય તેવી ટ્રૅક કરેલી કામગીરીઓ દૂર કરી}}.',
  'settingsFile.issue.pinsUnreadable': 'પિન કરેલા સ્નેપશોટની યાદી વાંચી શકાઈ નહીં.',
  'settingsFile.issue.pinsDropped':
    '{count, plural, one {# વાંચી ન શકાય તેવી પિન દૂર કરી} other {# વાંચી ન શકાય તેવી પિન દૂર કરી}}.',
  'settingsFile.issue.sessionUnreadable': 'સાચવેલી સાઇન-ઇન સ્થિતિ વાંચી શકાઈ નહીં.',
  'settingsFile.issue.boundsUnreadable': 'સાચવેલું વિન્ડોનું સ્થાન વાંચી શકાયું નહીં.',
  'ops.unlisted': 'VPS.org એ વિનંતી સ્વીકારી, પણ તેનો જવાબ વાંચી શકાયો નહીં. સ્નેપશોટ યાદીમાં દેખાય તેની એપ રાહ જુએ છે.',
} as const satisfies Record<keyof typeof problemsEn, string>;
