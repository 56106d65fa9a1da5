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
} as const satisfies Record<keyof typeof policyEn, string>;
