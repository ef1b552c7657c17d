/** Small free functions of Obsidian's API: paths, debounce, platform, versions, icons, tooltips, encodings. */
import type * as O from 'obsidian';
import momentLib from 'moment';
import { asFake, FakeElement } from './dom';

/** Obsidian 1.13.1, the version of the `obsidian` types this fake mirrors. */
export const apiVersion = '1.13.1';

/**
 * Obsidian's documented normalisation: runs of slashes/backslashes become one '/', leading and trailing
 * slashes go, the empty path becomes '/', non-breaking spaces become spaces, and the result is NFC.
 */
export function normalizePath(path: string): string {
	let p = path.replace(/([\\/])+/g, '/').replace(/(^\/+|\/+$)/g, '');
	if (p === '') p = '/';
	p = p.replace(/\u00A0|\u202F/g, ' ');
	return p.normalize('NFC');
}

/**
 * Obsidian's debounce: without resetTimer the callback runs `timeout` ms after the first call of a
 * burst (with the latest arguments); with resetTimer each call restarts the wait. Timers come from
 * globalThis at call time so Jest fake timers control them.
 */
export function debounce<T extends unknown[], V>(
	cb: (...args: [...T]) => V,
	timeout = 0,
	resetTimer = false,
): O.Debouncer<T, V> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let lastArgs: T | null = null;
	const fire = (): V | void => {
		timer = null;
		if (!lastArgs) return undefined;
		const args = lastArgs;
		lastArgs = null;
		return cb(...args);
	};
	const debounced = function (this: unknown, ...args: [...T]) {
		lastArgs = args as T;
		if (timer !== null && resetTimer) {
			globalThis.clearTimeout(timer);
			timer = null;
		}
		if (timer === null) timer = globalThis.setTimeout(fire, timeout);
		return debounced;
	} as O.Debouncer<T, V>;
	debounced.cancel = () => {
		if (timer !== null) globalThis.clearTimeout(timer);
		timer = null;
		lastArgs = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer === null) return undefined;
		globalThis.clearTimeout(timer);
		return fire();
	};
	return debounced;
}

/** Desktop app defaults; tests may assign fields (e.g. `Platform.isMobile = true`). */
export const Platform: typeof O.Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: process.platform === 'darwin',
	isWin: process.platform === 'win32',
	isLinux: process.platform === 'linux',
	isSafari: false,
	resourcePathPrefix: 'app://fake-obsidian/',
};

let language = 'en';
/** The app language; 'en' unless a test calls `setLanguage` from testing.ts. */
export function getLanguage(): string {
	return language;
}
export function setLanguageForTests(code: string): void {
	language = code;
}

export const moment = momentLib as unknown as typeof O.moment;

// ----- links -----

/** 'Note#Heading' -> { path: 'Note', subpath: '#Heading' } (the subpath keeps its '#'). */
export function parseLinktext(linktext: string): { path: string; subpath: string } {
	const index = linktext.indexOf('#');
	if (index === -1) return { path: linktext, subpath: '' };
	return { path: linktext.slice(0, index), subpath: linktext.slice(index) };
}

export function getLinkpath(linktext: string): string {
	return parseLinktext(linktext).path;
}

// ----- icons and tooltips -----

function iconEl(iconId: string): FakeElement {
	const svg = new FakeElement('svg', true);
	svg.addClass('svg-icon', `lucide-${iconId}`);
	svg.setAttr('data-icon', iconId);
	return svg;
}

/** Any non-empty id is accepted (the fake does not ship Lucide's list); the icon is an empty <svg>. */
export function getIcon(iconId: string): SVGSVGElement | null {
	return iconId ? (iconEl(iconId) as unknown as SVGSVGElement) : null;
}

/** Replaces the element's content with `<svg class="svg-icon lucide-{id}" data-icon="{id}">`. */
export function setIcon(parent: HTMLElement, iconId: string): void {
	const el = asFake(parent);
	el.empty();
	if (iconId) el.appendChild(iconEl(iconId));
}

/** Like Obsidian, the tooltip text is kept in aria-label. */
export function setTooltip(el: HTMLElement, tooltip: string, options?: O.TooltipOptions): void {
	const fake = asFake(el);
	if (tooltip) fake.setAttr('aria-label', tooltip);
	else fake.removeAttribute('aria-label');
	if (options?.placement) fake.setAttr('data-tooltip-position', options.placement);
}

// ----- encodings -----

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
	const out = new ArrayBuffer(bytes.byteLength);
	new Uint8Array(out).set(bytes);
	return out;
}
