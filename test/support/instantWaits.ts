/**
 * The openai SDK sleeps between retries (its backoff, or what Retry-After says) with the global setTimeout, and
 * offers no option to replace that sleep. Tests of retries therefore take over the global setTimeout: waits shorter
 * than a minute (the SDK's backoff is at most 8 s) run at once and are recorded, so a test can assert how long the
 * SDK would have waited. Longer timers, such as the SDK's request timeout, keep their real delay. Node's own timers
 * (sockets, the loopback servers) are not affected.
 */
const SHORTEST_KEPT_DELAY_MS = 60_000;
const realSetTimeout = globalThis.setTimeout;

export interface InstantWaits {
	/** The non-zero delays that were asked for and skipped, in order. */
	readonly waits: number[];
	restore(): void;
}

export function instantWaits(): InstantWaits {
	const waits: number[] = [];
	const spy = jest.spyOn(globalThis, 'setTimeout').mockImplementation(((
		callback: (...args: unknown[]) => void,
		delay?: number,
		...args: unknown[]
	) => {
		const ms = delay ?? 0;
		if (ms >= SHORTEST_KEPT_DELAY_MS) return realSetTimeout(callback, ms, ...args);
		if (ms > 0) waits.push(ms);
		return realSetTimeout(callback, 0, ...args);
	}) as typeof setTimeout);
	return { waits, restore: () => spy.mockRestore() };
}
