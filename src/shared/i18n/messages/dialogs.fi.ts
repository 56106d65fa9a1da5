import type { dialogsEn } from './dialogs.en';

/** Finnish text of the create, restore and delete dialogs (same keys as the English catalog). */
export const dialogsFi = {
  'dialog.close': 'Sulje',
  'dialog.cancel': 'Peruuta',
  'dialog.errorDetail': 'Lisätiedot: {message}',
  'dialog.charSpace': 'välilyöntejä',
  'dialog.listSeparator': ', ',

  'dialog.error.unauthorized': 'VPS.org hylkäsi API-tunnuksen. Vaihda se asetuksissa ja yritä uudelleen.',
  'dialog.error.not_found': 'Palvelinta tai tilannevedosta ei enää ole VPS.orgissa. Luettelo päivitetään.',
  'dialog.error.limit_reached':
    'Palvelimella on jo suurin sallittu määrä tilannevedoksia. Poista vanha ja yritä sitten uudelleen.',
  'dialog.error.invalid': 'VPS.org ei hyväksynyt pyyntöä.',
  'dialog.error.rate_limited': 'VPS.org saa juuri nyt liikaa pyyntöjä. Odota hetki ja yritä uudelleen.',
  'dialog.error.server': 'VPS.orgissa tapahtui virhe pyyntöä käsiteltäessä. Yritä hetken kuluttua uudelleen.',
  'dialog.error.network': 'VPS.orgiin ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.',
  'dialog.error.timeout':
    'VPS.org ei vastannut ajoissa. Pyyntö on voinut silti mennä perille: tarkista tilannevedosten luettelo ennen kuin yrität uudelleen.',
  'dialog.error.cancelled':
    'Pyyntö peruttiin ennen kuin VPS.org vastasi. Tarkista luettelo ennen kuin yrität uudelleen.',
  'dialog.error.bad_response': 'VPS.org lähetti vastauksen, jota sovellus ei ymmärtänyt.',
  'dialog.error.validation': 'Pyyntö ei ollut kelvollinen.',
  'dialog.error.refused': 'Tämä ei ole juuri nyt mahdollista.',
  'dialog.error.keychain': 'API-tunnusta ei voitu lukea järjestelmän avainnipusta.',
  'dialog.error.not_signed_in': 'Et ole kirjautunut. Kirjaudu API-tunnuksella tai kokeile esittelytilaa.',
  'dialog.error.internal': 'Sovelluksessa tapahtui virhe.',

  'dialog.create.title': 'Uusi tilannevedos: {server}',
  'dialog.create.nameLabel': 'Tilannevedoksen nimi',
  'dialog.create.nameHint':
    'Kirjaimia, numeroita, yhdysmerkkejä (-) ja alaviivoja (_); enintään {max} merkkiä.',
  'dialog.create.nameLocalTime': 'Nimen kellonaika on tämän tietokoneen paikallista aikaa ({time}).',
  'dialog.create.nameUtcTime': 'Nimen kellonaika on UTC-aikaa, kuten nimimallisi määrää.',
  'dialog.create.nameEmpty': 'Anna tilannevedokselle nimi.',
  'dialog.create.nameTooLong': 'Nimessä on {length} merkkiä; enintään {max} on sallittu.',
  'dialog.create.nameBadCharacters':
    'Nimessä ei voi olla merkkejä {chars}. Käytä vain kirjaimia, numeroita, yhdysmerkkejä ja alaviivoja.',
  'dialog.create.nameTaken': 'Palvelimella {server} on jo tilannevedos nimeltä {name}. Valitse toinen nimi.',
  'dialog.create.refusedRestoring':
    'Palvelinta {server} palautetaan parhaillaan. Ota tilannevedos, kun palautus on päättynyt.',
  'dialog.create.descriptionLabel': 'Kuvaus (valinnainen)',
  'dialog.create.descriptionPlaceholder': 'Esimerkiksi: ennen järjestelmäpäivitystä',
  'dialog.create.descriptionTooLong': 'Kuvauksessa on {length} merkkiä; enintään {max} on sallittu.',
  'dialog.create.descriptionControl':
    'Kuvauksessa on näkymättömiä ohjausmerkkejä. Poista ne (rivinvaihdot ja sarkaimet käyvät).',
  'dialog.create.quota': 'Palvelimen tilannevedokset: {count}/{max}',
  'dialog.create.quotaFull':
    'Palvelimella on jo {max} tilannevedosta, eikä VPS.org salli enempää. Poista yksi ennen kuin otat uuden.',
  'dialog.create.quotaCandidates': 'Nämä voi poistaa, vanhin ensin:',
  'dialog.create.quotaCandidate': '{name}, otettu {date} ({age})',
  'dialog.create.quotaNoCandidates':
    'Kaikkien luonti on vielä kesken. Odota, että jokin valmistuu, ja poista sitten yksi.',
  'dialog.create.activeAdvice':
    '{server} on käynnissä. Käynnissä olevan palvelimen tilannevedokseen voi jäädä puoliksi kirjoitettuja tiedostoja; saat täysin eheän tilannevedoksen, kun pysäytät palvelimen ensin.',
  'dialog.create.duration':
    'Tilannevedoksen ottaminen kestää {min}–{max} minuuttia palvelimen koon mukaan. Saat ilmoituksen, kun se on valmis.',
  'dialog.create.submit': 'Ota tilannevedos',
  'dialog.create.submitting': 'Aloitetaan…',

  'dialog.restore.title': 'Palauta {server}',
  'dialog.restore.intro':
    'Tämä palauttaa palvelimen {server} tilannevedokseen {snapshot}, joka otettiin {date} ({age}).',
  'dialog.restore.loss':
    'Kaikki sen jälkeen palvelimelle kirjoitettu (tiedostot, tietokannat, asetukset) menetetään.',
  'dialog.restore.stopFirst':
    'Palvelin pysäytetään ensin, eikä se ole käytettävissä ennen kuin palautus päättyy.',
  'dialog.restore.duration': 'Palautus kestää {min}–{max} minuuttia.',
  'dialog.restore.irreversible': 'Tätä ei voi perua.',
  'dialog.restore.confirmLabel': 'Vahvista kirjoittamalla palvelimen nimi:',
  'dialog.restore.confirmMismatch':
    'Kirjoita nimi täsmälleen näytetyssä muodossa, samoin isoin kirjaimin ja ilman ylimääräisiä välilyöntejä.',
  'dialog.restore.refusedInProgress':
    'Tämän tilannevedoksen luonti on vielä kesken. Sen voi palauttaa, kun se on valmis.',
  'dialog.restore.refusedFailed': 'Tämä tilannevedos epäonnistui, joten sitä ei voi palauttaa.',
  'dialog.restore.refusedSnapshotStatus': 'Tätä tilannevedosta ei voi palauttaa: sen tila on ”{status}”.',
  'dialog.restore.refusedRestoring': 'Palvelinta {server} palautetaan jo. Odota, että palautus päättyy.',
  'dialog.restore.refusedSuspended':
    'Palvelin {server} on jäädytetty, eikä jäädytettyä palvelinta voi palauttaa.',
  'dialog.restore.submit': 'Palauta ja korvaa',
  'dialog.restore.submitting': 'Aloitetaan palautusta…',

  'dialog.delete.title': 'Poista tilannevedos',
  'dialog.delete.question': 'Poistetaanko palvelimen {server} tilannevedos {snapshot}?',
  'dialog.delete.details': 'Otettu {date}; {size}.',
  'dialog.delete.permanent':
    'Poisto on pysyvä: tilannevedosta ei saa takaisin, eikä palvelinta voi enää palauttaa tähän kohtaan.',
  'dialog.delete.refusedInProgress':
    'Tämän tilannevedoksen luonti on vielä kesken. Sen voi poistaa, kun se on valmis.',
  'dialog.delete.submit': 'Poista pysyvästi',
  'dialog.delete.submitting': 'Poistetaan…',
} as const satisfies Record<keyof typeof dialogsEn, string>;
