import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { Events } from './events';

/** Obsidian's documented rule for secret IDs: lowercase alphanumeric with optional dashes. */
const SECRET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The app's secret storage (Obsidian 1.11.4+), in memory. Values are kept per App instance. */
export class SecretStorage extends Events implements Faithful<O.SecretStorage> {
	private readonly secrets = new Map<string, string>();

	setSecret(id: string, secret: string): void {
		if (typeof id !== 'string' || !SECRET_ID.test(id)) {
			throw new Error(`Invalid secret ID "${String(id)}": use lowercase letters, digits and dashes.`);
		}
		this.secrets.set(id, String(secret));
	}

	getSecret(id: string): string | null {
		return this.secrets.get(id) ?? null;
	}

	listSecrets(): string[] {
		return [...this.secrets.keys()];
	}
}
