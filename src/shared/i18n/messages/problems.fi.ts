/** Finnish messages about the app's own troubles (same keys and placeholders as problems.en.ts). */
import type { problemsEn } from './problems.en';

/** The Finnish messages about the app's own troubles. */
export const problemsFi = {
  'core.untrustedSender': 'Pyyntö ei tullut sovelluksen ikkunasta, joten se hylättiin.',
  'core.internal':
    'Sovelluksen sisällä meni jotain vikaan. Yritä uudelleen; jos näin käy toistuvasti, käynnistä sovellus uudelleen.',
  'core.addressChanged':
    'API-osoite muuttui tunnusta tarkistettaessa, joten tunnusta ei käytetty eikä säilytetty. Tarkista tässä näkyvä osoite ja kirjaudu uudelleen.',
  'settingsFile.unreadable': 'Asetustiedostoa {path} ei voitu lukea.',
  'settingsFile.cannotBackUp': 'Asetustiedostossa {path} on ongelmia, eikä siitä voitu tehdä varmuuskopiota.',
  'settingsFile.leftAlone':
    'Tiedosto jätettiin täsmälleen ennalleen. Sovellus käyttää toistaiseksi oletusasetuksia, ja tekemäsi muutokset säilyvät vain, kunnes suljet sovelluksen. Korjaa tai siirrä tiedosto ja käynnistä sovellus uudelleen.',
  'settingsFile.leftAlonePartly':
    'Tiedosto jätettiin täsmälleen ennalleen. Sovellus käyttää toistaiseksi sitä, mikä voitiin lukea, ja muilta osin oletusarvoja; tekemäsi muutokset säilyvät vain, kunnes suljet sovelluksen. Korjaa tai siirrä tiedosto ja käynnistä sovellus uudelleen.',
  'settingsFile.hadProblems': 'Asetustiedostossasi oli ongelmia.',
  'settingsFile.backedUp':
    'Alkuperäinen tallennettiin nimellä {backup}, ja kaikesta, mitä ei voitu lukea, käytetään oletusarvoja.',
  'settingsFile.cannotOpen':
    'Asetustiedostoa {path} ei voitu avata tallentamista varten ({code}); tekemäsi muutokset säilyvät vain, kunnes suljet sovelluksen.',
  'settingsFile.tokenForAnotherAddress':
    'Asetusten API-osoite on {current}, mutta järjestelmän avainnipussa oleva tunnus on osoitteelle {others}. Jos et itse muuttanut osoitetta, joku muu on voinut muuttaa sen: tarkista se kirjautumisnäkymässä ennen kuin liität tunnuksen, koska tunnus lähetetään siihen osoitteeseen.',
  'settingsFile.fs.folder': 'Tiedoston paikalla on kansio.',
  'settingsFile.fs.access': 'Sovelluksella ei ole lupaa käyttää sitä (tarkista sen käyttöoikeudet).',
  'settingsFile.fs.loop': 'Se on linkki, joka osoittaa takaisin itseensä.',
  'settingsFile.fs.other': 'Järjestelmä ilmoitti virheen {code}.',
  'settingsFile.issue.notJson': 'Se ei ollut kelvollista JSONia, eikä siitä voitu lukea mitään.',
  'settingsFile.issue.truncated': 'Se oli katkennut tai vaurioitunut; luettavissa oleva osa säilytettiin.',
  'settingsFile.issue.notObject': 'Siinä ei ollut asetuksia.',
  'settingsFile.issue.unknownEntries':
    '{count, plural, one {# tuntematon merkintä poistettiin} other {# tuntematonta merkintää poistettiin}}.',
  'settingsFile.issue.settingsUnreadable': 'Asetuksia ei voitu lukea, joten ne palautettiin oletuksiin.',
  'settingsFile.issue.invalidValues': 'Virheelliset arvot palautettiin oletuksiin ({keys}).',
  'settingsFile.issue.unknownSettings':
    '{count, plural, one {# tuntematon asetus poistettiin} other {# tuntematonta asetusta poistettiin}}.',
  'settingsFile.issue.operationsUnreadable': 'Seurattujen toimintojen luetteloa ei voitu lukea.',
  'settingsFile.issue.operationsDropped':
    '{count, plural, one {# lukukelvoton seurattu toiminto poistettiin} other {# lukukelvotonta seurattua toimintoa poistettiin}}.',
  'settingsFile.issue.pinsUnreadable': 'Kiinnitettyjen tilannevedosten luetteloa ei voitu lukea.',
  'settingsFile.issue.pinsDropped':
    '{count, plural, one {# lukukelvoton kiinnitys poistettiin} other {# lukukelvotonta kiinnitystä poistettiin}}.',
  'settingsFile.issue.sessionUnreadable': 'Tallennettua kirjautumistilaa ei voitu lukea.',
  'settingsFile.issue.boundsUnreadable': 'Tallennettua ikkunan sijaintia ei voitu lukea.',
  'ops.unlisted':
    'VPS.org hyväksyi pyynnön, mutta sen vastausta ei voitu lukea. Sovellus odottaa, että tilannevedos näkyy luettelossa.',
} as const satisfies Record<keyof typeof problemsEn, string>;
