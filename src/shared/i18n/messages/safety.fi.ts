/** Finnish texts of the safety flows (same keys and placeholders as safety.en.ts). */
import type { safetyEn } from './safety.en';

/** The Finnish safety-flow texts. */
export const safetyFi = {
  'header.history': 'Historia',
  'history.title': 'Historia',
  'history.intro':
    'Jokainen tilannevedos, palautus ja poisto, jonka sovellus aloitti tai näki päättyvän, ja jokainen toiminto, jonka se torjui, tällä tilillä. Tallessa tällä tietokoneella ({max} uusinta).',
  'history.filterLabel': 'Palvelin',
  'history.allServers': 'Kaikki palvelimet',
  'history.count': '{count, plural, one {# merkintä} other {# merkintää}}',
  'history.empty': 'Historiassa ei ole vielä mitään.',
  'history.emptyFiltered': 'Palvelimesta {server} ei ole historiassa mitään.',
  'history.exportJson': 'Vie JSON',
  'history.exportCsv': 'Vie CSV',
  'history.exporting': 'Viedään…',
  'history.saved': 'Tallennettu: {path}.',
  'history.downloaded': 'Ladattu: {file}.',
  'history.cancelled': 'Vienti peruttiin.',
  'history.col.when': 'Milloin',
  'history.col.what': 'Mitä',
  'history.col.server': 'Palvelin',
  'history.col.snapshot': 'Tilannevedos',
  'history.col.source': 'Mistä',
  'history.col.result': 'Tulos',
  'history.col.details': 'Tiedot',
  'history.kind.create': 'Tilannevedos',
  'history.kind.restore': 'Palautus',
  'history.kind.delete': 'Poisto',
  'history.what': '{kind} ({flow})',
  'history.flow.safety-restore': 'ennen palautusta',
  'history.flow.after-safety': 'nykyisen tilan vedoksen jälkeen',
  'history.flow.make-room': 'tilan tekemiseksi',
  'history.source.window': 'Ikkuna',
  'history.source.tray': 'Ilmoitusalue',
  'history.source.schedule': 'Ajastus',
  'history.source.follow-up': 'Jälkitarkistus',
  'history.source.safety': 'Varmistusvedos',
  'history.result.succeeded': 'Valmis',
  'history.result.failed': 'Epäonnistui',
  'history.result.refused': 'Torjuttu',
  'history.deleted': 'Tilannevedos poistettiin.',
  'core.exportFailed': 'Tiedostoa ei voitu kirjoittaa: {reason}. Valitse toinen paikka ja yritä uudelleen.',
  'settingsFile.issue.historyUnreadable': 'Historia oli lukukelvoton.',
  'settingsFile.issue.historyDropped':
    '{count, plural, one {# lukukelvoton historiamerkintä poistettiin} other {# lukukelvotonta historiamerkintää poistettiin}}.',
  'dialog.restore.safety': 'Ota ensin tilannevedos nykyisestä tilasta',
  'dialog.restore.safetyHint':
    'Ottaa tilannevedoksen palvelimesta {server} sellaisena kuin se nyt on ja aloittaa palautuksen vasta, kun vedos on valmis. Tämä lisää {min}–{max} minuuttia. Jos vedos epäonnistuu, mitään ei palauteta.',
  'dialog.restore.safetyNoSlot':
    'Palvelimella {server} on jo {limit}/{limit} tilannevedosta, joten nykyisen tilan vedokselle ei ole vapaata paikkaa. Poista ensin yksi ottaaksesi sen, tai palauta ilman sitä.',
  'ops.safetyThen': 'sitten palautus vedoksesta ”{snapshot}”',
  'safety.abandoned.safetyFailed': 'Palautusta ei aloitettu, koska nykyisen tilan tilannevedos epäonnistui.',
  'safety.abandoned.safetyUnclear':
    'Palautusta ei aloitettu, koska VPS.org ei koskaan vahvistanut nykyisen tilan tilannevedosta, joten sovellus ei voi tietää, onko sitä olemassa.',
  'safety.abandoned.restoreRefused':
    'Palautusta ei aloitettu nykyisen tilan tilannevedoksen jälkeen: palvelin tai palautettava tilannevedos muuttui sillä välin.',
  'notify.safetyAbandoned.title': '{server}: palautusta ei aloitettu',
  'notify.safetyAbandoned.body':
    '{reason} Palvelin {server} jätettiin ennalleen; tilannevedosta ”{snapshot}” ei palautettu.',
} as const satisfies Record<keyof typeof safetyEn, string>;
