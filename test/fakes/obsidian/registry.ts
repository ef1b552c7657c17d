/**
 * Process-wide state of the fake that tests inspect: notices shown, modals open, menus shown, errors
 * that Obsidian would only have logged, and the async work started by UI handlers.
 *
 * It lives in one module so that the fake's implementation and testing.ts share a single instance.
 */

export interface NoticeRecord {
	/** The Notice object (typed loosely here to keep this module free of imports). */
	notice: unknown;
	/** Current text of the notice (live: the message element's text, including in-place DOM edits). */
	readonly message: string;
	/** Every message given to the constructor and to setMessage, in order. */
	messages: string[];
	/** The message element (a notice built from a fragment may hold buttons tests can click). */
	el: HTMLElement;
	/** Duration passed to the constructor (undefined = Obsidian's default). */
	duration: number | undefined;
	hidden: boolean;
}

export interface UncaughtRecord {
	error: unknown;
	source: string;
}

export const state = {
	notices: [] as NoticeRecord[],
	openModals: [] as unknown[],
	shownMenus: [] as unknown[],
	uncaught: [] as UncaughtRecord[],
	/** Print errors that Obsidian would have logged to its console. */
	logUncaught: true,
};

/** Records an error that real Obsidian would only log (a throwing event handler, a rejected async UI callback). */
export function recordUncaughtError(error: unknown, source: string): void {
	state.uncaught.push({ error, source });
	if (state.logUncaught) console.error(`[fake obsidian] uncaught error in ${source}:`, error);
}

const pending = new Set<Promise<void>>();
const collectors: unknown[][] = [];

function isThenable(value: unknown): value is PromiseLike<unknown> {
	return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Called with whatever a UI callback returned (DOM listener, menu item, ribbon icon, ...). Inside
 * `collectHandlerResults` the result goes to the collector so a testing helper can await it and
 * rethrow; otherwise a returned promise is tracked (see `settlePendingHandlers`) and its rejection is
 * recorded as uncaught, as Obsidian would log it.
 */
export function trackHandlerResult(result: unknown, source: string): void {
	const collector = collectors[collectors.length - 1];
	if (collector) {
		collector.push(result);
		return;
	}
	if (!isThenable(result)) return;
	const promise = Promise.resolve(result).then(
		() => undefined,
		(error: unknown) => recordUncaughtError(error, source),
	);
	pending.add(promise);
	void promise.finally(() => pending.delete(promise));
}

/**
 * Runs `fn` (which fires UI handlers synchronously), then awaits what the handlers returned; rethrows the first
 * failure.
 */
export async function collectHandlerResults(fn: () => void): Promise<void> {
	const bucket: unknown[] = [];
	collectors.push(bucket);
	try {
		fn();
	} finally {
		collectors.pop();
	}
	const settled = await Promise.allSettled(bucket.map((r) => Promise.resolve(r)));
	const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
	if (failure) throw failure.reason;
}

/** Waits until every tracked handler promise has settled (including ones started while waiting). */
export async function settlePendingHandlers(): Promise<void> {
	while (pending.size > 0) await Promise.allSettled([...pending]);
}
