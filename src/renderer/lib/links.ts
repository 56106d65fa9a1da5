/** Links the window opens in the user's browser (through main, which allows only these sites). */

/** The dashboard page where API tokens are made (Account -> Developers). */
export const DASHBOARD_DEVELOPERS_URL = 'https://admin.vps.org/account/developers/';
