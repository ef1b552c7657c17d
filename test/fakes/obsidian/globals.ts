/**
 * The globals Obsidian defines in its renderer, installed once per Jest module registry/realm:
 * - the DOM helpers createEl/createDiv/createSpan/createSvg/createFragment;
 * - `activeDocument` (a fake document) and `activeWindow`, and `window` when absent (a minimal fake
 *   window: timers, event listeners, sleep/nextFrame). We deliberately define no global `document`
 *   or `navigator`, and the fake window has no `document`: the openai SDK treats
 *   `window && window.document && navigator` as "running in a browser" and would refuse to run;
 * - Obsidian's prototype helpers (Array#first/last/contains/remove/unique, String#contains, Math.clamp,
 *   ...), non-enumerable like Obsidian's, since plugin code type-checks against them and may call them;
 * - `sleep`, `nextFrame`, `isBoolean`, `fish`, `fishAll`, `ready`.
 */
import {
	createEvent,
	createFakeElement,
	createFakeFragment,
	FakeElement,
	FakeEvent,
	getFakeDocument,
	type DomInfo,
} from './dom';

const INSTALLED = Symbol.for('fake-obsidian.globals-installed');

type AnyRecord = Record<string | symbol, unknown>;

function define(target: object, key: string, value: unknown): void {
	if (Object.prototype.hasOwnProperty.call(target, key)) return;
	Object.defineProperty(target, key, { value, configurable: true, writable: true, enumerable: false });
}

/** A minimal `window`: timers are read from globalThis at call time, so Jest fake timers apply to both. */
export class FakeWindow {
	private readonly target = new FakeElement('window');
	readonly innerWidth = 1024;
	readonly innerHeight = 768;
	readonly devicePixelRatio = 1;

	get activeWindow(): FakeWindow {
		return this;
	}
	get activeDocument(): unknown {
		return getFakeDocument();
	}
	get window(): FakeWindow {
		return this;
	}
	get self(): FakeWindow {
		return this;
	}
	get setTimeout(): typeof globalThis.setTimeout {
		return globalThis.setTimeout;
	}
	get clearTimeout(): typeof globalThis.clearTimeout {
		return globalThis.clearTimeout;
	}
	get setInterval(): typeof globalThis.setInterval {
		return globalThis.setInterval;
	}
	get clearInterval(): typeof globalThis.clearInterval {
		return globalThis.clearInterval;
	}
	get queueMicrotask(): typeof globalThis.queueMicrotask {
		return globalThis.queueMicrotask;
	}
	get crypto(): unknown {
		return (globalThis as AnyRecord).crypto;
	}
	get console(): Console {
		return globalThis.console;
	}

	requestAnimationFrame(cb: (time: number) => void): unknown {
		return globalThis.setTimeout(() => cb(Date.now()), 16);
	}

	cancelAnimationFrame(handle: unknown): void {
		globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>);
	}

	addEventListener(
		type: string,
		listener: (ev: FakeEvent) => unknown,
		options?: boolean | { capture?: boolean; once?: boolean },
	): void {
		this.target.addEventListener(type, listener, options);
	}

	removeEventListener(
		type: string,
		listener: (ev: FakeEvent) => unknown,
		options?: boolean | { capture?: boolean },
	): void {
		this.target.removeEventListener(type, listener, options);
	}

	dispatchEvent(event: FakeEvent): boolean {
		return this.target.dispatchEvent(event);
	}

	/** Tests: how many listeners of a type are registered on the window. */
	listenerCount(type: string): number {
		return this.target.listenerCount(type);
	}

	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => globalThis.setTimeout(resolve, ms));
	}

	nextFrame(): Promise<void> {
		return new Promise((resolve) => this.requestAnimationFrame(() => resolve()));
	}
}

let fakeWindow: FakeWindow | null = null;
export function getFakeWindow(): FakeWindow {
	if (!fakeWindow) {
		fakeWindow = new FakeWindow();
		getFakeDocument().defaultView = fakeWindow;
	}
	return fakeWindow;
}

export function installGlobals(): void {
	const g = globalThis as unknown as AnyRecord;
	if (g[INSTALLED]) return;
	g[INSTALLED] = true;

	const win = getFakeWindow();
	const doc = getFakeDocument();
	define(g, 'activeWindow', win);
	define(g, 'activeDocument', doc);
	if (g.window === undefined) define(g, 'window', win);

	define(g, 'createEl', (tag: string, o?: DomInfo | string, cb?: (el: FakeElement) => void) =>
		createFakeElement(tag, o, cb),
	);
	define(g, 'createDiv', (o?: DomInfo | string, cb?: (el: FakeElement) => void) => createFakeElement('div', o, cb));
	define(g, 'createSpan', (o?: DomInfo | string, cb?: (el: FakeElement) => void) => createFakeElement('span', o, cb));
	define(g, 'createSvg', (tag: string, o?: DomInfo | string, cb?: (el: FakeElement) => void) =>
		createFakeElement(tag, o, cb, true),
	);
	define(g, 'createFragment', createFakeFragment);
	define(g, 'sleep', (ms: number) => win.sleep(ms));
	define(g, 'nextFrame', () => win.nextFrame());
	define(g, 'isBoolean', (obj: unknown) => typeof obj === 'boolean');
	define(g, 'fish', (selector: string) => doc.querySelector(selector));
	define(g, 'fishAll', (selector: string) => doc.querySelectorAll(selector));
	define(g, 'ready', (fn: () => unknown) => fn());

	const arrayProto = Array.prototype as unknown as AnyRecord;
	define(arrayProto, 'first', function (this: unknown[]) {
		return this.length > 0 ? this[0] : undefined;
	});
	define(arrayProto, 'last', function (this: unknown[]) {
		return this.length > 0 ? this[this.length - 1] : undefined;
	});
	define(arrayProto, 'contains', function (this: unknown[], target: unknown) {
		return this.indexOf(target) !== -1;
	});
	define(arrayProto, 'remove', function (this: unknown[], target: unknown) {
		for (let i = this.indexOf(target); i !== -1; i = this.indexOf(target)) this.splice(i, 1);
	});
	define(arrayProto, 'shuffle', function (this: unknown[]) {
		for (let i = this.length - 1; i > 0; i--) {
			const j = Math.floor(Math.random() * (i + 1));
			[this[i], this[j]] = [this[j], this[i]];
		}
		return this;
	});
	define(arrayProto, 'unique', function (this: unknown[]) {
		return [...new Set(this)];
	});
	define(Array, 'combine', (arrays: unknown[][]) => ([] as unknown[]).concat(...arrays));
	define(Object, 'isEmpty', (object: Record<string, unknown>) => Object.keys(object).length === 0);
	define(
		Object,
		'each',
		(
			object: Record<string, unknown>,
			callback: (value: unknown, key?: string) => boolean | void,
			context?: unknown,
		) => {
			for (const key of Object.keys(object)) if (callback.call(context, object[key], key) === false) return false;
			return true;
		},
	);
	define(Math, 'clamp', (value: number, min: number, max: number) => Math.min(max, Math.max(min, value)));
	define(Math, 'square', (value: number) => value * value);
	define(String, 'isString', (obj: unknown) => typeof obj === 'string');
	define(Number, 'isNumber', (obj: unknown) => typeof obj === 'number');
	const stringProto = String.prototype as unknown as AnyRecord;
	define(stringProto, 'contains', function (this: string, target: string) {
		return this.indexOf(target) !== -1;
	});
	define(stringProto, 'format', function (this: string, ...args: string[]) {
		return this.replace(/{(\d+)}/g, (match, index: string) => args[Number(index)] ?? match);
	});
}

/** Dispatches a DOM-style event on the fake window (e.g. to exercise registerDomEvent(window, ...)). */
export function dispatchWindowEvent(type: string, init: Record<string, unknown> = {}): void {
	getFakeWindow().dispatchEvent(createEvent(type, init));
}
