/**
 * Waits and deadlines that Cancel interrupts at once. Every wait of the core goes through `Sleep`, so
 * tests pass an instant one and take no wall time. Timers come from `AbortSignal.timeout`, which
 * Obsidian (desktop and mobile) and Node both have, so the core needs neither `window` nor Node's timers.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export function abortError(): Error {
	const error = new Error('The request was aborted.');
	error.name = 'AbortError';
	return error;
}

export const sleep: Sleep = (ms, signal) =>
	new Promise<void>((resolve, reject) => {
		if (signal?.aborted) return reject(abortError());
		const timer = AbortSignal.timeout(Math.max(0, ms));
		const onAbort = () => {
			timer.removeEventListener('abort', onTime);
			reject(abortError());
		};
		const onTime = () => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		};
		timer.addEventListener('abort', onTime, { once: true });
		signal?.addEventListener('abort', onAbort, { once: true });
	});

export interface Deadline {
	/** Aborts when the parent aborts or the time is up. */
	signal: AbortSignal;
	/** True when it was the time, not the parent, that aborted. */
	expired(): boolean;
	/** Stops listening (call when the work is done). */
	dispose(): void;
}

/** A signal that fires when `parent` does or after `ms`, whichever comes first. */
export function deadline(parent: AbortSignal | undefined, ms: number): Deadline {
	const controller = new AbortController();
	const timer = AbortSignal.timeout(Math.max(0, ms));
	let expired = false;
	const onParentAbort = () => controller.abort();
	const onTime = () => {
		expired = !controller.signal.aborted;
		controller.abort();
	};
	timer.addEventListener('abort', onTime, { once: true });
	if (parent?.aborted) controller.abort();
	else parent?.addEventListener('abort', onParentAbort, { once: true });
	return {
		signal: controller.signal,
		expired: () => expired,
		dispose: () => {
			timer.removeEventListener('abort', onTime);
			parent?.removeEventListener('abort', onParentAbort);
		},
	};
}
