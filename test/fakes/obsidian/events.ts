import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { recordUncaughtError } from './registry';

/** What Obsidian keeps in an EventRef: the emitter, the event name, the callback and its `this`. */
// Handlers take `any[]` (Obsidian declares unknown[]) so subclasses can expose Obsidian's typed overloads,
// e.g. Vault.on('create', (file: TAbstractFile) => ...).
type Handler = (...data: any[]) => unknown;

export interface FakeEventRef extends O.EventRef {
	e: Events;
	name: string;
	fn: Handler;
	ctx: unknown;
}

/**
 * Obsidian's event emitter. Handlers run synchronously in registration order on a snapshot of the
 * handler list; a throwing handler does not stop the others (Obsidian rethrows it asynchronously, so it
 * only reaches the console; the fake records it, see `uncaughtErrors()` in testing.ts).
 */
export class Events implements Faithful<O.Events> {
	private readonly handlers = new Map<string, FakeEventRef[]>();

	on(name: string, callback: Handler, ctx?: unknown): O.EventRef {
		const ref: FakeEventRef = { e: this, name, fn: callback, ctx };
		const list = this.handlers.get(name) ?? [];
		list.push(ref);
		this.handlers.set(name, list);
		return ref;
	}

	off(name: string, callback: Handler): void {
		const list = this.handlers.get(name);
		if (!list) return;
		const kept = list.filter((ref) => ref.fn !== callback);
		if (kept.length > 0) this.handlers.set(name, kept);
		else this.handlers.delete(name);
	}

	offref(ref: O.EventRef): void {
		const r = ref as FakeEventRef;
		const list = this.handlers.get(r.name);
		if (!list) return;
		const kept = list.filter((x) => x !== r);
		if (kept.length > 0) this.handlers.set(r.name, kept);
		else this.handlers.delete(r.name);
	}

	trigger(name: string, ...data: unknown[]): void {
		const list = this.handlers.get(name);
		if (!list) return;
		for (const ref of list.slice()) this.tryTrigger(ref, data);
	}

	tryTrigger(evt: O.EventRef, args: unknown[]): void {
		const ref = evt as FakeEventRef;
		try {
			ref.fn.apply(ref.ctx, args);
		} catch (error) {
			recordUncaughtError(error, `'${ref.name}' event handler`);
		}
	}

	/** Testing aid (not in Obsidian's API): number of handlers registered for an event. */
	listenerCount(name: string): number {
		return this.handlers.get(name)?.length ?? 0;
	}
}
