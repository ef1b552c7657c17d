import { abortError, deadline } from './timing';

/**
 * The one network port of the core. Obsidian implements it with requestUrl, the command-line tool with
 * Node's fetch, tests with either pointed at loopback servers. It never throws on an HTTP status:
 * callers classify statuses themselves.
 */
export interface HttpRequest {
	url: string;
	method?: string;
	headers?: Record<string, string>;
	body?: string;
	signal?: AbortSignal;
}

export interface HttpResponse {
	status: number;
	headers: Record<string, string>;
	text: string;
}

export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

/** Raised by an HttpClient when no response arrived at all (DNS, refused, offline, TLS). */
export class HttpNetworkError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'HttpNetworkError';
	}
}

/** Waits for a request that cannot itself be cancelled, but stops waiting as soon as the signal fires. */
export function raceWithAbort<T>(pending: Promise<T>, signal?: AbortSignal): Promise<T> {
	if (!signal) return pending;
	if (signal.aborted) return Promise.reject(abortError());
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(abortError());
		signal.addEventListener('abort', onAbort, { once: true });
		pending.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error instanceof Error ? error : new Error(String(error)));
			},
		);
	});
}

/**
 * A WHATWG fetch over the port, for libraries that take a custom fetch (the openai SDK).
 * It honours the abort signal, which the SDK relies on for timeouts and cancel.
 */
export function fetchOverHttp(http: HttpClient): typeof fetch {
	return async (input: RequestInfo | URL, init: RequestInit = {}) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		const headers: Record<string, string> = {};
		new Headers(init.headers).forEach((value, key) => {
			headers[key] = value;
		});
		const signal = init.signal ?? undefined;
		const response = await http({
			url,
			method: init.method ?? 'GET',
			headers,
			body: typeof init.body === 'string' ? init.body : undefined,
			signal,
		});
		const nullBody = response.status === 204 || response.status === 304;
		return new Response(nullBody ? null : response.text, { status: response.status, headers: response.headers });
	};
}

/**
 * Every request through this client ends within `ms`: a server that never answers becomes a network
 * error that says so, and Cancel still ends it at once.
 */
export function withRequestTimeout(http: HttpClient, ms: number): HttpClient {
	return async (request) => {
		const limit = deadline(request.signal, ms);
		try {
			return await raceWithAbort(http({ ...request, signal: limit.signal }), limit.signal);
		} catch (error) {
			if (limit.expired()) throw new HttpNetworkError(`no answer within ${Math.round(ms / 1000)} seconds`);
			throw error;
		} finally {
			limit.dispose();
		}
	};
}
