/** Finnish texts of pins and snapshot policies (same keys and placeholders as policy.en.ts). */
import type { policyEn } from './policy.en';

/** The Finnish pin and policy texts. */
export const policyFi = {
  'pin.pin': 'Kiinnitä',
  'pin.unpin': 'Irrota',
  'pin.pinLabel': 'Kiinnitä tilannevedos {name}',
  'pin.unpinLabel': 'Irrota tilannevedoksen {name} kiinnitys',
  'pin.badge': 'Kiinnitetty',
  'pin.badgeTitle': 'Kiinnitetty: kierrätys ei koskaan poista sitä, ja poistaminen kysytään kahdesti.',
  'pin.failed': 'Kiinnitystä ei voitu muuttaa: {reason}',
  'dialog.delete.pinnedWarning':
    '”{snapshot}” on kiinnitetty: merkitsit sen säilytettäväksi. Kierrätys ei koskaan poista sitä. Poistetaanko se silti?',
  'dialog.delete.pinnedSubmit': 'Poista kiinnitetty tilannevedos',
  'core.deletePinned':
    'Tilannevedos ”{snapshot}” on kiinnitetty. Vahvista poisto toisen kerran tai irrota kiinnitys ensin.',
  'policy.heading': 'Automaattiset tilannevedokset',
  'policy.intro':
    'Sovellus ottaa palvelimesta {server} tilannevedoksia aikataulun mukaan niin kauan kuin se on käynnissä, ja poistaa omista automaattisista vedoksistaan vanhimmat, jotka ylittävät säilytettävän määrän. Omia ja kiinnitettyjä tilannevedoksiasi ei koskaan poisteta.',
  'policy.schedule': 'Aikataulu',
  'policy.kind.off': 'Pois päältä',
  'policy.kind.every': 'Muutaman tunnin välein',
  'policy.kind.daily': 'Päivittäin',
  'policy.kind.weekly': 'Viikoittain',
  'policy.hours': 'Väli',
  'policy.everyHours': '{hours, plural, one {Joka tunti} other {# tunnin välein}}',
  'policy.time': 'Paikallinen aika',
  'policy.weekday': 'Päivä',
  'policy.keep': 'Säilytettävät automaattiset tilannevedokset',
  'policy.keepHint':
    'Enintään 4, jotta ainakin yksi viidestä paikasta jää vapaaksi itse otettavalle tilannevedokselle.',
  'policy.makeRoom':
    'Tee tilaa: kun kaikki 5 paikkaa ovat käytössä, poista ensin vanhin automaattinen tilannevedos',
  'policy.notify': 'Ilmoitukset',
  'policy.notify.each-run': 'Jokaisen ajon jälkeen',
  'policy.notify.failures-only': 'Vain kun ajo epäonnistuu tai ohitetaan',
  'policy.save': 'Tallenna käytäntö',
  'policy.saving': 'Tallennetaan…',
  'policy.saved': 'Käytäntö tallennettu.',
  'policy.saveFailed': 'Käytäntöä ei voitu tallentaa: {reason}',
  'policy.nextRun': 'Seuraava ajo: {when}',
  'policy.off': 'Aikataulu pois päältä: ei automaattisia tilannevedoksia.',
  'policy.running': 'Ajastettu ajo on käynnissä.',
  'policy.lastResult': 'Edellinen ajo {when}: {result}',
  'policy.noRunYet': 'Ajastettuja ajoja ei ole vielä ollut.',
  'policy.nextRemoves': 'Seuraava kierrätys poistaa: {names}.',
  'policy.nextRemovesNone': 'Seuraava kierrätys ei poista mitään.',
  'policy.dryRun': 'Tällä määrällä tänään: säilytetään {keep}; poistetaan {remove}.',
  'policy.dryRunNone': 'ei mitään',
  'policy.label.automatic': 'automaattinen',
  'policy.label.manual': 'manuaalinen',
  'policy.label.automaticTitle':
    'Tämän sovelluksen palvelimen käytännön mukaan ottama; kierrätys voi poistaa sen.',
  'policy.label.manualTitle': 'Ei tämän sovelluksen käytännön ottama; kierrätys ei koskaan poista sitä.',
  'policy.result.created': 'Otettiin {snapshot}.',
  'policy.result.removed': 'Kierrätys poisti: {names}.',
  'policy.result.no-free-slot':
    'Palvelimen {server} kaikki 5 tilannevedospaikkaa ovat käytössä, joten automaattista tilannevedosta ei otettu. Poista tilannevedos, jota et enää tarvitse, tai ota tälle palvelimelle käyttöön ”tee tilaa”.',
  'policy.result.create-refused':
    'VPS.org hylkäsi automaattisen tilannevedoksen {snapshot} myös uudella yrityksellä. Mitään ei poistettu.',
  'policy.result.create-not-listed':
    'VPS.org ei vahvistanut automaattista tilannevedosta {snapshot} myöskään uudella yrityksellä. Mitään ei poistettu.',
  'policy.result.snapshot-failed':
    'Automaattinen tilannevedos {snapshot} epäonnistui myös uudella yrityksellä. Mitään ei poistettu.',
  'policy.result.snapshot-vanished':
    'Automaattinen tilannevedos {snapshot} katosi ennen kuin se valmistui. Mitään ei poistettu.',
  'policy.result.make-room-failed':
    'Palvelimen {server} vanhinta automaattista tilannevedosta ei voitu poistaa tilan tekemiseksi, joten automaattista tilannevedosta ei otettu.',
  'policy.result.rotation-incomplete':
    'Otettiin {snapshot}, mutta kaikkia vanhempia automaattisia tilannevedoksia ei voitu poistaa; seuraava ajo yrittää uudelleen.',
  'notify.policy.succeeded.title': '{server}: automaattinen tilannevedos otettu',
  'notify.policy.failed.title': '{server}: automaattinen tilannevedos epäonnistui',
  'notify.policy.skipped.title': '{server}: automaattinen tilannevedos ohitettiin',
  'tray.policy.next': '{server}: seuraava automaattinen tilannevedos {when}',
  'tray.policy.failed': '{server}: automaattinen tilannevedos epäonnistui',
  'tray.policy.skipped': '{server}: automaattinen tilannevedos ohitettiin',
  'tray.policy.attention': 'Automaattinen tilannevedos epäonnistui tai ohitettiin',
  'core.policyInvalid': 'Käytäntöä ei voi tallentaa: jokin sen arvoista ei ole sallittu.',
  'settingsFile.issue.policiesUnreadable': 'Tilannevedoskäytäntöjen luetteloa ei voitu lukea.',
  'settingsFile.issue.policiesDropped':
    '{count, plural, one {# lukukelvoton tilannevedoskäytäntö poistettiin} other {# lukukelvotonta tilannevedoskäytäntöä poistettiin}}.',
  'settingsFile.issue.autoSnapshotsUnreadable':
    'Automaattisten tilannevedosten luetteloa ei voitu lukea: kierrätys käsittelee niitä manuaalisina eikä koskaan poista niitä.',
  'settingsFile.issue.autoSnapshotsDropped':
    '{count, plural, one {# lukukelvoton automaattisen tilannevedoksen tieto poistettiin} other {# lukukelvotonta automaattisten tilannevedosten tietoa poistettiin}}: kierrätys käsittelee niitä tilannevedoksia manuaalisina.',
} as const satisfies Record<keyof typeof policyEn, string>;
