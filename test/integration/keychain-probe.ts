// Child process for the keychain test: tries the real KeytarSecretStore and prints what happened
// as one JSON line, so the parent can check the error a user without a keychain would get.
import { KeychainUnavailableError } from '../../src/main/core/ports';
import { KeytarSecretStore } from '../../src/main/secrets/keytar-store';

const store = new KeytarSecretStore('VPS Snapshot Tray test');
try {
  await store.set('https://probe.invalid/api/v1/', 'vps_probe_secret');
  console.log(JSON.stringify({ ok: true }));
} catch (error) {
  console.log(
    JSON.stringify({
      ok: false,
      name: error instanceof Error ? error.name : typeof error,
      isKeychainError: error instanceof KeychainUnavailableError,
      reason: error instanceof KeychainUnavailableError ? error.reason : null,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
}
