import { HttpClient, HttpNetworkError, withRequestTimeout } from '../../src/core/http';
import { deadline, sleep } from '../../src/core/timing';

/** A server that never answers, but lets go when the request is aborted, as requestUrl and fetch do. */
const silentServer: HttpClient = (request) =>
	new Promise((_resolve, reject) => {
		request.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
	});

describe('sleep', () => {
	it('ends at once when cancelled', async () => {
		const controller = new AbortController();
		const started = Date.now();
		const waiting = sleep(60_000, controller.signal);
		controller.abort();
		await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('refuses to start when already cancelled', async () => {
		await expect(sleep(10, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
	});
});

describe('deadline', () => {
	it('tells a deadline that passed from a cancel', async () => {
		const timed = deadline(undefined, 5);
		await new Promise((resolve) => timed.signal.addEventListener('abort', resolve));
		expect(timed.expired()).toBe(true);

		const parent = new AbortController();
		const cancelled = deadline(parent.signal, 60_000);
		parent.abort();
		expect(cancelled.signal.aborted).toBe(true);
		expect(cancelled.expired()).toBe(false);
		cancelled.dispose();
	});
});

describe('withRequestTimeout', () => {
	it('turns a server that never answers into a network error that says so', async () => {
		const request = withRequestTimeout(silentServer, 20)({ url: 'https://www.youtube.com/youtubei/v1/player' });
		await expect(request).rejects.toEqual(new HttpNetworkError('no answer within 0 seconds'));
	});

	it('still ends at once on cancel, as a cancel', async () => {
		const controller = new AbortController();
		const request = withRequestTimeout(
			silentServer,
			60_000,
		)({ url: 'https://example.org', signal: controller.signal });
		controller.abort();
		await expect(request).rejects.toMatchObject({ name: 'AbortError' });
	});
});
