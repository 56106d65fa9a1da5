/**
 * The SecretStore over keytar (the OS keychain: Keychain, Credential Vault, Secret Service), from
 * `@github/keytar`: GitHub's maintained fork of keytar with the same API and stored entries, whose
 * npm package carries prebuilt N-API binaries (no compiler at install). It is loaded on first use
 * so start-up does not wait for a native addon, and every failure becomes a
 * KeychainUnavailableError with a plain reason. There is no plain-text fallback.
 */
import { KEYCHAIN_SERVICE, KeychainUnavailableError, type SecretStore } from '../core/ports';

/** The part of keytar this store uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** Loads keytar; injectable so tests can make loading fail. */
export type KeytarLoader = () => Promise<KeytarApi>;

async function loadKeytar(): Promise<KeytarApi> {
  const mod = (await import('@github/keytar')) as KeytarApi & { default?: KeytarApi };
  // keytar is CommonJS: under ESM its functions sit on `default`.
  return mod.default ?? mod;
}

/** Turns a keytar or D-Bus failure into a reason a user can act on (never echoing a secret). */
export function keychainReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|org\.freedesktop\.DBus|dbus/i.test(message)) {
    return 'no desktop session bus was found, so the Secret Service (e.g. GNOME Keyring or KWallet) cannot be reached';
  }
  if (
    /org\.freedesktop\.secrets|secret service|ServiceUnknown|was not provided by any \.service/i.test(message)
  ) {
    return 'no Secret Service (e.g. GNOME Keyring or KWallet) is running in this session';
  }
  if (/cancel|dismiss|prompt/i.test(message)) return 'the keychain prompt was cancelled';
  if (/locked|unlock/i.test(message)) return 'the keychain is locked';
  if (/Cannot find module|\.node|libsecret|ERR_DLOPEN|NODE_MODULE_VERSION/i.test(message)) {
    return 'the keychain library could not be loaded on this system';
  }
  return 'the keychain refused the request';
}

/** Secrets in the OS keychain under the app's service name. */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<KeytarApi> | null = null;

  constructor(
    private readonly service: string = KEYCHAIN_SERVICE,
    private readonly load: KeytarLoader = loadKeytar,
  ) {}

  async get(account: string): Promise<string | null> {
    return this.run((k) => k.getPassword(this.service, account));
  }

  async set(account: string, secret: string): Promise<void> {
    await this.run((k) => k.setPassword(this.service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.run((k) => k.deletePassword(this.service, account));
  }

  async accounts(): Promise<string[]> {
    // keytar hands back the secrets too: only the names leave this function.
    const found = await this.run((k) => k.findCredentials(this.service));
    return found.map((credential) => credential.account);
  }

  /** Loads keytar once (a failed load is retried next time) and maps every failure. */
  private async run<T>(call: (k: KeytarApi) => Promise<T>): Promise<T> {
    let keytar: KeytarApi;
    try {
      this.keytar ??= this.load();
      keytar = await this.keytar;
    } catch (error) {
      this.keytar = null;
      throw new KeychainUnavailableError(keychainReason(error));
    }
    try {
      return await call(keytar);
    } catch (error) {
      throw new KeychainUnavailableError(keychainReason(error));
    }
  }
}
