/** Finnish messages the core writes (same keys and placeholders as core.en.ts). */
import type { coreEn } from './core.en';

/** The Finnish core messages. */
export const coreFi = {
  'rule.name.empty': 'Tilannevedos tarvitsee nimen.',
  'rule.name.tooLong': 'Tilannevedoksen nimessä saa olla enintään {max} merkkiä (tässä on {length}).',
  'rule.name.badCharacters':
    'Tilannevedoksen nimessä saa olla vain kirjaimia, numeroita, yhdysmerkkejä (-) ja alaviivoja (_); ei {chars}.',
  'rule.description.tooLong': 'Kuvaus on liian pitkä: enintään {max} merkkiä.',
  'rule.description.control': 'Kuvauksessa on ohjausmerkkejä; käytä pelkkää tekstiä.',
  'rule.url.invalid': 'API-osoite ei ole kelvollinen URL, esimerkiksi https://admin.vps.org/api/v1/.',
  'rule.url.insecure':
    'API-osoitteen on käytettävä https:ää (pelkkä http vain tälle tietokoneelle, esimerkiksi paikalliselle simulaattorille).',
  'rule.url.credentials': 'API-osoitteessa ei saa olla käyttäjänimeä eikä salasanaa.',
  'rule.template.empty': 'Tilannevedosten nimimalli on tyhjä.',
  'rule.template.tooLong': 'Tilannevedosten nimimalli on liian pitkä (enintään {max} merkkiä).',
  'rule.template.noPlaceholder':
    'Nimimallissa tarvitaan paikkamerkki, kuten {server} tai {yyyyMMdd-HHmm}, muuten kaikki nimet olisivat samat.',
  'rule.template.unknownPlaceholder':
    'Nimimallissa on {found}, joka ei ole paikkamerkki. Käytä merkintöjä {server}, {id} tai päivämäärää, kuten {yyyyMMdd-HHmm} (paikallinen aika) tai {utc:yyyyMMdd-HHmm} (UTC).',
  'rule.pollInterval': 'Tarkistusvälin on oltava kokonainen määrä sekunteja väliltä {min}–{max}.',
  'rule.idleRefresh': 'Taustapäivityksen välin on oltava kokonainen määrä minuutteja väliltä {min}–{max}.',
  'rule.language': 'Tuntematon kieli.',

  'core.limit':
    'Palvelimella {server} on jo {count}/{limit} tilannevedosta, suurin sallittu määrä. Poista ensin jokin vanha.',
  'core.createWhileRestoring':
    'Palvelinta {server} palautetaan juuri nyt. Ota tilannevedos, kun palautus on valmis.',
  'core.nameTaken': 'Palvelimella {server} on jo tilannevedos nimeltä ”{name}”. Valitse toinen nimi.',
  'core.restoreNoName':
    'Tällä palvelimella ei ole nimeä VPS.orgissa, joten sovellus ei voi pyytää vahvistamaan palautusta kirjoittamalla sen. Anna palvelimelle ensin nimi VPS.orgin hallintapaneelissa.',
  'core.restoreConfirm':
    'Palauta kirjoittamalla palvelimen nimi täsmälleen näin: ”{server}”. Palautus korvaa kaikki palvelimen tiedot.',
  'core.restoreOtherServer':
    'Tilannevedos ”{snapshot}” kuuluu toiselle palvelimelle, ei palvelimelle {server}.',
  'core.restoreAlready': 'Palvelinta {server} palautetaan jo. Odota, kunnes se palautus on valmis.',
  'core.restoreSuspended':
    'Palvelin {server} on jäädytetty, joten sitä ei voi palauttaa. Ota yhteyttä VPS.orgin tukeen.',
  'core.restoreInProgress':
    'Tilannevedosta ”{snapshot}” ei voi vielä palauttaa: sitä luodaan yhä. Vain valmiit tilannevedokset voi palauttaa.',
  'core.restoreBadStatus':
    'Tilannevedosta ”{snapshot}” ei voi palauttaa: sen tila on ”{status}”. Vain valmiit tilannevedokset voi palauttaa.',
  'core.deleteInProgress': 'Tilannevedosta ”{snapshot}” luodaan yhä. Sen voi poistaa, kun se on valmis.',
  'core.deleteRestoreSource':
    'Palvelinta {server} palautetaan tilannevedoksesta ”{snapshot}”. Sen voi poistaa, kun palautus on valmis.',
  'core.starting':
    'VPS Snapshot Tray käynnistyy vielä (lukee asetuksiaan ja avainnippua). Yritä hetken päästä uudelleen.',
  'core.notSignedIn':
    'Yhteyttä VPS.orgiin ei ole vielä. Liitä API-tunnus (Account → Developers) tai kokeile demoa.',
  'core.serverNotFound': 'Palvelinta ei ole (enää) tällä tilillä. Päivitä luettelo ja yritä uudelleen.',
  'core.snapshotNotFound': 'Tilannevedosta ei ole enää. Päivitä luettelo ja yritä uudelleen.',
  'core.requestOnItsWay':
    'Palvelimen {server} pyyntö on jo matkalla. Odota hetki ja katso toimintojen luetteloa.',
  'core.createUnsure':
    'Sovellus tarkistaa jo, käynnistyikö palvelimen {server} tilannevedos ”{snapshot}”: VPS.org ei ole vielä vahvistanut sitä. Jos otat sen nyt uudelleen, voi syntyä toinen; sovellus kertoo heti, kun tietää.',
  'core.createUnsureSeen':
    'VPS.org hyväksyi hetki sitten palvelimen {server} tilannevedoksen ”{snapshot}”, ja sovellus odottaa sen näkymistä luettelossa. Jos otat sen uudelleen, syntyy toinen.',
  'core.dismissRunning': 'Tämä toiminto on yhä käynnissä. Sen voi sulkea, kun se on päättynyt.',
  'core.pasteToken': 'Liitä ensin API-tunnus.',
  'core.tokenRefused':
    'VPS.org ei hyväksynyt tätä tunnusta. Tarkista, että kopioit sen kokonaan ja ettei sitä ole peruttu (Account → Developers).',
  'core.keychainStore':
    'Tunnus toimii, mutta järjestelmän avainnippu ei voinut tallentaa sitä: {reason}. Voit pitää sen vain tämän istunnon ajan; silloin sitä ei tallenneta mihinkään, ja liität sen uudelleen uudelleenkäynnistyksen jälkeen.',
  'core.keychainRemove':
    'Olet kirjautunut ulos sovelluksesta, mutta tunnuksia ei voitu poistaa järjestelmän avainnipusta: {reason}. Poista ”VPS Snapshot Tray” -merkinnät sieltä käsin.',
  'core.demoWhileSignedIn': 'Kirjaudu ensin ulos: demo korvaa VPS.org-tilisi sovelluksessa sen ajaksi.',
  'core.demoFailed': 'Demo ei käynnistynyt. Yritä uudelleen.',
  'core.externalRefused': 'Sovelluksesta voi avata vain VPS.orgin verkkosivuja (https://…vps.org).',
  'core.browserFailed': 'Selainta ei voitu avata sille sivulle.',
  'core.windowFailed': 'Ikkunaa ei voitu näyttää.',
} as const satisfies Record<keyof typeof coreEn, string>;
