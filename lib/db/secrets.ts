import Dexie, { type Table } from 'dexie';

interface SecretRow {
  name: string;
  value: string;
}

/**
 * Secrets (the AI provider's API key) in a database of their own, so that backups, exports and
 * any code iterating the main database never see them. Only the background imports this module:
 * content scripts cannot reach the extension origin's IndexedDB, unlike `storage.local`.
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

export async function getSecret(name: 'apiKey'): Promise<string | null> {
  return (await secretsDb().secrets.get(name))?.value ?? null;
}

export async function setSecret(name: 'apiKey', value: string | null): Promise<void> {
  if (value) await secretsDb().secrets.put({ name, value });
  else await secretsDb().secrets.delete(name);
}
