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
  'policy.heading': 'આપમેળે સ્નેપશોટ',
  'policy.intro':
    'એપ ચાલુ હોય ત્યાં સુધી તે સમયપત્રક મુજબ {server} ના સ્નેપશોટ લે છે, અને તમે રાખવા માટે પસંદ કરેલી સંખ્યાથી વધુ હોય તેવા પોતાના સૌથી જૂના આપમેળે લીધેલા સ્નેપશોટ કાઢી નાખે છે. તમારા પોતાના અને પિન કરેલા સ્નેપશોટ ક્યારેય કાઢવામાં આવતા નથી.',
  'policy.schedule': 'સમયપત્રક',
  'policy.kind.off': 'બંધ',
  'policy.kind.every': 'દર થોડા કલાકે',
  'policy.kind.daily': 'દરરોજ',
  'policy.kind.weekly': 'દર અઠવાડિયે',
  'policy.hours': 'અંતરાલ',
  'policy.everyHours': '{hours, plural, one {દર કલાકે} other {દર # કલાકે}}',
  'policy.time': 'સ્થાનિક સમય',
  'policy.weekday': 'દિવસ',
  'policy.keep': 'રાખવાના આપમેળે સ્નેપશોટ',
  'policy.keepHint': 'વધુમાં વધુ 4, જેથી તમે જાતે લો તે સ્નેપશોટ માટે 5 માંથી ઓછામાં ઓછી એક જગ્યા ખાલી રહે.',
  'policy.makeRoom': 'જગ્યા બનાવો: જ્યારે બધી 5 જગ્યાઓ ભરાયેલી હોય, ત્યારે પહેલાં સૌથી જૂનો આપમેળે સ્નેપશોટ કાઢો',
  'policy.notify': 'સૂચનાઓ',
  'policy.notify.each-run': 'દરેક રન પછી',
  'policy.notify.failures-only': 'ફક્ત જ્યારે રન નિષ્ફળ જાય અથવા છોડી દેવાય',
  'policy.save': 'નીતિ સાચવો',
  'policy.saving': 'સાચવી રહ્યા છીએ…',
  'policy.saved': 'નીતિ સાચવી.',
  'policy.saveFailed': 'નીતિ સાચવી શકાઈ નહીં: {reason}',
  'policy.nextRun': 'આગળનો રન: {when}',
  'policy.off': 'સમયપત્રક બંધ: કોઈ આપમેળે સ્નેપશોટ નહીં.',
  'policy.running': 'નિર્ધારિત રન ચાલી રહ્યો છે.',
  'policy.lastResult': 'છેલ્લો રન {when}: {result}',
  'policy.noRunYet': 'હજી સુધી કોઈ નિર્ધારિત રન થયો નથી.',
  'policy.nextRemoves': 'આગળનું રોટેશન {names} કાઢશે.',
  'policy.nextRemovesNone': 'આગળનું રોટેશન કંઈ કાઢશે નહીં.',
  'policy.dryRun': 'આ સંખ્યા સાથે આજે: {keep} રાખશે; {remove} કાઢશે.',
  'policy.dryRunNone': 'કંઈ નહીં',
  'policy.label.automatic': 'આપમેળે',
  'policy.label.manual': 'જાતે',
  'policy.label.automaticTitle': 'સર્વરની નીતિ હેઠળ આ એપે લીધેલો; રોટેશન તેને કાઢી શકે છે.',
  'policy.label.manualTitle': 'આ એપની નીતિએ લીધેલો નથી; રોટેશન તેને ક્યારેય કાઢતું નથી.',
  'policy.result.created': '{snapshot} લીધો.',
  'policy.result.removed': 'રોટેશને {names} કાઢ્યા.',
  'policy.result.no-free-slot':
    '{server} ની બધી 5 સ્નેપશોટ જગ્યાઓ ભરાયેલી છે, તેથી આપમેળે સ્નેપશોટ લેવાયો નહીં. તમને હવે જરૂર ન હોય તેવો સ્નેપશોટ કાઢો, અથવા આ સર્વર માટે “જગ્યા બનાવો” ચાલુ કરો.',
  'policy.result.create-refused':
    'VPS.org એ આપમેળે સ્નેપશોટ {snapshot} ફરી પ્રયાસ કરતાં પણ નકાર્યો. કંઈ કાઢવામાં આવ્યું નથી.',
  'policy.result.create-not-listed':
    'VPS.org એ આપમેળે સ્નેપશોટ {snapshot} ની ફરી પ્રયાસ કરતાં પણ પુષ્ટિ કરી નહીં. કંઈ કાઢવામાં આવ્યું નથી.',
  'policy.result.snapshot-failed': 'આપમેળે સ્નેપશોટ {snapshot} ફરી પ્રયાસ કરતાં પણ નિષ્ફળ ગયો. કંઈ કાઢવામાં આવ્યું નથી.',
  'policy.result.snapshot-vanished':
    'આપમેળે સ્નેપશોટ {snapshot} પૂર્ણ થાય તે પહેલાં જ ગાયબ થઈ ગયો. કંઈ કાઢવામાં આવ્યું નથી.',
  'policy.result.make-room-failed':
    'જગ્યા બનાવવા માટે {server} નો સૌથી જૂનો આપમેળે સ્નેપશોટ કાઢી શકાયો નહીં, તેથી આપમેળે સ્નેપશોટ લેવાયો નહીં.',
  'policy.result.rotation-incomplete':
    '{snapshot} લીધો, પરંતુ બધા જૂના આપમેળે સ્નેપશોટ કાઢી શકાયા નહીં; આગળનો રન ફરી પ્રયાસ કરશે.',
  'notify.policy.succeeded.title': '{server}: આપમેળે સ્નેપશોટ લીધો',
  'notify.policy.failed.title': '{server}: આપમેળે સ્નેપશોટ નિષ્ફળ',
  'notify.policy.skipped.title': '{server}: આપમેળે સ્નેપશોટ છોડી દેવાયો',
  'tray.policy.next': '{server}: આગળનો આપમેળે સ્નેપશોટ {when}',
  'tray.policy.failed': '{server}: આપમેળે સ્નેપશોટ નિષ્ફળ',
  'tray.policy.skipped': '{server}: આપમેળે સ્નેપશોટ છોડી દેવાયો',
  'tray.policy.attention': 'કોઈ આપમેળે સ્નેપશોટ નિષ્ફળ ગયો અથવા છોડી દેવાયો',
  'core.policyInvalid': 'આ નીતિ સાચવી શકાતી નથી: તેની કોઈ એક કિંમત માન્ય નથી.',
  'settingsFile.issue.policiesUnreadable': 'સ્નેપશોટ નીતિઓની યાદી વાંચી શકાઈ નહીં.',
  'settingsFile.issue.policiesDropped':
    '{count, plural, one {# ન વાંચી શકાય તેવી સ્નેપશોટ નીતિ કાઢી નાખવામાં આવી} other {# ન વાંચી શકાય તેવી સ્નેપશોટ નીતિઓ કાઢી નાખવામાં આવી}}.',
  'settingsFile.issue.autoSnapshotsUnreadable':
    'આપમેળે સ્નેપશોટની યાદી વાંચી શકાઈ નહીં: રોટેશન તેમને જાતે લીધેલા ગણે છે અને ક્યારેય કાઢતું નથી.',
  'settingsFile.issue.autoSnapshotsDropped':
    '{count, plural, one {આપમેળે સ્નેપશોટની # ન વાંચી શકાય તેવી નોંધ કાઢી નાખવામાં આવી} other {આપમેળે સ્નેપશોટની # ન વાંચી શકાય તેવી નોંધો કાઢી નાખવામાં આવી}}: રોટેશન તે સ્નેપશોટને જાતે લીધેલા ગણે છે.',
} as const satisfies Record<keyof typeof policyEn, string>;
