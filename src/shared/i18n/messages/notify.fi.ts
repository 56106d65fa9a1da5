/** Finnish notification texts and outcome sentences (same keys and placeholders as notify.en.ts). */
import type { notifyEn } from './notify.en';

/** The Finnish notification texts. */
export const notifyFi = {
  'notify.demo': '{title} (demo)',
  'notify.createDone.title': '{server}: tilannevedos valmis',
  'notify.createDone.body':
    'Palvelimen {server} tilannevedos ”{snapshot}” valmistui, kesto {duration}. {outcome}',
  'notify.createFailed.title': '{server}: tilannevedos epäonnistui',
  'notify.createFailed.body':
    'Palvelimen {server} tilannevedos ”{snapshot}” ei valmistunut (kesto {duration}). {outcome}',
  'notify.restoreDone.title': '{server}: palautus valmis',
  'notify.restoreDone.body':
    'Palvelin {server} palautettiin tilannevedoksesta ”{snapshot}”, kesto {duration}. {outcome}',
  'notify.restoreFailed.title': '{server}: palautus epäonnistui',
  'notify.restoreFailed.body':
    'Palvelimen {server} palautus tilannevedoksesta ”{snapshot}” päättyi ilman onnistumista (kesto {duration}). {outcome}',
  'notify.tokenInvalid.title': 'VPS.org-tunnus lakkasi toimimasta',
  'notify.tokenInvalid.body':
    'VPS.org ei enää hyväksy API-tunnusta, joten VPS Snapshot Tray lopetti palvelimiesi tarkistamisen. Seuratut toiminnot säilyvät. Avaa sovellus ja liitä uusi tunnus kohdasta Account → Developers.',
  'notify.settingsProblem.title': 'Ongelma asetustiedostossa',
  'notify.settingsProblem.body':
    'Osa asetuksista on ehkä palannut oletusarvoihin. Avaa VPS Snapshot Tray nähdäksesi, mitä tapahtui, ja tarkista asetukset.',
  'notify.saveFailed.title': 'Asetuksia ei voi tallentaa',
  'notify.saveFailed.body':
    'VPS Snapshot Tray ei voinut kirjoittaa asetustiedostoaan ({reason}). Se toimii edelleen ja kertoo, miten toiminnot päättyvät, mutta uudelleenkäynnistyksen jälkeen se voi ilmoittaa joistakin lopputuloksista uudelleen ja unohtaa muutetut asetukset.',
  'notify.snapshotStarted.title': '{server}: tilannevedos aloitettu',
  'notify.snapshotStarted.body':
    'Otetaan tilannevedos ”{snapshot}”. Se vie yleensä {usual}; saat ilmoituksen, kun se on valmis.',
  'notify.snapshotUnclear.body':
    'VPS.org ei vastannut selvästi, joten tilannevedos ”{snapshot}” saattoi käynnistyä. Sovellus tarkistaa asian ja kertoo, miten se päättyi; älä aloita toista sillä välin.',
  'notify.snapshotRefused.title': '{server}: tilannevedosta ei otettu',
  'notify.refreshFailed.title': 'Päivitys epäonnistui',
  'notify.demoFailed.title': 'Demo ei käynnistynyt',
  'notify.leaveDemoFailed.title': 'Demosta ei voitu poistua',

  'outcome.created': 'Koko: {size}.',
  'outcome.createdNoSize': 'VPS.org ei ole vielä ilmoittanut sen kokoa.',
  'outcome.snapshotFailed':
    'VPS.orgin mukaan sen tila on ”{status}”. Poista se vapauttaaksesi paikan ja ota sitten uusi.',
  'outcome.snapshotGone':
    'Sitä ei enää näy VPS.orgissa: se epäonnistui tai poistettiin. Ota uusi tilannevedos, jos tarvitset sitä yhä.',
  'outcome.notApplied':
    'VPS.org ei ole näyttänyt sitä {minutes, plural, one {# minuutin} other {# minuutin}} aikana pyynnöstä, joten pyyntö ei toteutunut. Tilannevedoksen voi nyt turvallisesti ottaa uudelleen.',
  'outcome.restoredUp': 'Palvelin {server} on taas käynnissä.',
  'outcome.restoredAsBefore': 'Palvelimen {server} tila on taas {status}, kuten ennen palautusta.',
  'outcome.restoredDown':
    'Palvelimen {server} tila on nyt {status}, eikä se ole käynnissä. Käynnistä se VPS.orgin hallintapaneelista, jos sen pitäisi olla päällä.',
  'outcome.notListed':
    'VPS.org hyväksyi pyynnön, mutta ei ole näyttänyt tilannevedosta {minutes, plural, one {# minuutin} other {# minuutin}} aikana. Tarkista palvelimen tilannevedokset VPS.orgissa ennen kuin otat uuden.',
  'outcome.restoredEnded': 'Palvelinta {server} ei enää palauteta.',
  'outcome.restoreUnconfirmedNoStatus':
    'Sovellus ei voinut varmistaa lopputulosta: VPS.org ei näyttänyt palvelinta {server} palautettavana {minutes, plural, one {# minuutin} other {# minuutin}} aikana palautuspyynnöstä. Tarkista palvelin ja sen tiedot ennen kuin palautat uudelleen.',
  'outcome.serverGone': 'Palvelinta ei enää näy VPS.orgissa. Tarkista VPS.orgin hallintapaneeli.',
  'outcome.restoreUnconfirmed':
    'Sovellus ei voinut varmistaa lopputulosta: VPS.org ei näyttänyt palvelinta {server} palautettavana {minutes, plural, one {# minuutin} other {# minuutin}} aikana palautuspyynnöstä, ja sen tila on nyt {status}. Tarkista palvelin ja sen tiedot ennen kuin palautat uudelleen.',
} as const satisfies Record<keyof typeof notifyEn, string>;
