import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { Platform } from './util';

interface Handler extends O.KeymapEventHandler {
	func: O.KeymapEventListener;
}

/**
 * A keyboard scope. Handlers match on key (case-insensitive, null = any) and modifiers (null = any);
 * 'Mod' means Meta on macOS and Ctrl elsewhere. An unhandled key falls through to the parent scope.
 */
export class Scope implements Faithful<O.Scope> {
	private readonly handlers: Handler[] = [];

	constructor(readonly parent?: O.Scope) {}

	register(modifiers: O.Modifier[] | null, key: string | null, func: O.KeymapEventListener): O.KeymapEventHandler {
		const handler: Handler = {
			scope: this as unknown as O.Scope,
			modifiers: modifiers ? normalizeModifiers(modifiers) : null,
			key,
			func,
		};
		this.handlers.push(handler);
		return handler;
	}

	/**
	 * Testing aid (Obsidian does this from its keydown listener): runs the first matching handler.
	 * Returns true when a handler matched; a handler returning false also calls evt.preventDefault().
	 */
	handleKey(evt: KeyboardEvent): boolean {
		const pressed = normalizeModifiers(
			(['Ctrl', 'Meta', 'Shift', 'Alt'] as const).filter(
				(m) => (evt as unknown as Record<string, boolean>)[`${m.toLowerCase()}Key`],
			),
		);
		for (const handler of [...this.handlers].reverse()) {
			if (handler.key !== null && handler.key.toLowerCase() !== evt.key.toLowerCase()) continue;
			if (handler.modifiers !== null && handler.modifiers !== pressed) continue;
			const result: unknown = handler.func(evt, { modifiers: pressed, key: evt.key, vkey: evt.key });
			if (result === false) evt.preventDefault();
			return true;
		}
		return this.parent instanceof Scope ? this.parent.handleKey(evt) : false;
	}
}

function normalizeModifiers(modifiers: readonly string[]): string {
	const mapped = modifiers.map((m) => (m === 'Mod' ? (Platform.isMacOS ? 'Meta' : 'Ctrl') : m));
	return ['Alt', 'Ctrl', 'Meta', 'Shift'].filter((m) => mapped.includes(m)).join(',');
}

/** The app's scope stack. */
export class Keymap implements Faithful<O.Keymap> {
	readonly scopes: O.Scope[] = [];

	pushScope(scope: O.Scope): void {
		this.scopes.push(scope);
	}

	popScope(scope: O.Scope): void {
		const index = this.scopes.lastIndexOf(scope);
		if (index !== -1) this.scopes.splice(index, 1);
	}
}
