import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import type { FakeEventRef } from './events';

/**
 * Obsidian's Component lifecycle, in Obsidian's order: load() runs onload() then loads the children;
 * unload() unloads the children (last added first), runs the registered cleanups (last registered
 * first), then onunload().
 */
export class Component implements Faithful<O.Component> {
	/** @internal (Obsidian's own field names) */
	_loaded = false;
	/** @internal */
	readonly _children: Component[] = [];
	/** @internal */
	readonly _events: (() => unknown)[] = [];

	load(): void {
		if (this._loaded) return;
		this._loaded = true;
		this.onload();
		for (const child of this._children.slice()) child.load();
	}

	onload(): void {}

	unload(): void {
		if (!this._loaded) return;
		this._loaded = false;
		while (this._children.length > 0) this._children.pop()?.unload();
		while (this._events.length > 0) this._events.pop()?.();
		this.onunload();
	}

	onunload(): void {}

	removeChild<T extends O.Component>(component: T): T {
		const index = this._children.indexOf(component as unknown as Component);
		if (index !== -1) {
			this._children.splice(index, 1);
			component.unload();
		}
		return component;
	}

	register(cb: () => unknown): void {
		this._events.push(cb);
	}

	registerEvent(eventRef: O.EventRef): void {
		const ref = eventRef as FakeEventRef;
		this.register(() => ref.e.offref(ref));
	}

	registerDomEvent(
		el: unknown,
		type: string,
		callback: (this: HTMLElement, ev: never) => unknown,
		options?: boolean | AddEventListenerOptions,
	): void {
		const target = el as {
			addEventListener(t: string, cb: unknown, o?: unknown): void;
			removeEventListener(t: string, cb: unknown, o?: unknown): void;
		};
		target.addEventListener(type, callback, options);
		this.register(() => target.removeEventListener(type, callback, options));
	}
}
