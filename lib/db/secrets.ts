import Dexie, { type Table } from 'dexie';

interface SecretRow {
  name: string;
  value: string;
  /**
   * The origin (`https://api.openai.com`) the key was saved for. A key is only ever sent there;
   * rows saved before keys were bound have none and are never sent (the user enters the key again).
   */
  origin?: string;
}

/** The saved API key and the origin it is bound to. */
export interface SavedKey {
  value: string;
  origin: string | null;
}

/**
 * Secrets (the AI provider's API key) and the provider settings that decide where it goes (base
 * URL, model, redaction) in a database of their own, so that backups, exports and
 * any code iterating the main database never see them. Only the background imports this module:
 * content scripts cannot reach the extension origin's IndexedDB, unlike `storage.local`, which
 * they can read and write (Chrome's `storage.local.setAccessLevel` does not exist — only
 * `storage.session` has one — and Firefox has neither), so a content script cannot steer the
 * provider either.
 */
class SecretsDB extends Dexie {
  secrets!: Table<SecretRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ secrets: 'name' });
  }
}

let instance: SecretsDB | undefined;
function secretsDb(name = 'counterpart-secrets'): SecretsDB {
  instance ??= new SecretsDB(name);
  return instance;
}

/** The saved API key with the origin it was saved for (null when none is saved). */
export async function getSavedKey(): Promise<SavedKey | null> {
  const row = await secretsDb().secrets.get('apiKey');
  return row ? { value: row.value, origin: row.origin ?? null } : null;
}

/** Saves the API key bound to `origin` (the endpoint's origin), or removes it when `value` is empty. */
export async function setApiKey(value: string | null, origin: string): Promise<void> {
  if (value) await secretsDb().secrets.put({ name: 'apiKey', value, origin });
  else await secretsDb().secrets.delete('apiKey');
}

/** The provider settings as saved (unchecked JSON; the background parses them), or null when none are saved here yet. */
export async function getProviderSettings(): Promise<unknown | null> {
  const row = await secretsDb().secrets.get('provider');
  if (!row) return null;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return null;
  }
}

/** Saves the provider settings (only the background calls this, for the options page's Save). */
export async function setProviderSettings(settings: unknown): Promise<void> {
  await secretsDb().secrets.put({ name: 'provider', value: JSON.stringify(settings) });
}

/** The Loop API key (Loop admin → Developer tools), sent only to Loop's API host; null when none is saved. */
export async function getLoopApiKey(): Promise<string | null> {
  return (await secretsDb().secrets.get('loopApiKey'))?.value ?? null;
}

/** Saves the Loop API key, or removes it when `value` is empty. */
export async function setLoopApiKey(value: string): Promise<void> {
  if (value) await secretsDb().secrets.put({ name: 'loopApiKey', value, origin: 'https://api.loopreturns.com' });
  else await secretsDb().secrets.delete('loopApiKey');
}
