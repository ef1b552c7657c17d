/**
 * requestUrl/request over Node's http/https modules (not fetch), with Obsidian's semantics:
 * - resolves to { status, headers (lower-case keys), text, arrayBuffer, json } where `json` parses the
 *   text on access and throws on invalid JSON; the returned promise also has `.text`, `.json` and
 *   `.arrayBuffer` promise properties (created lazily, so an unused one never rejects unhandled);
 * - rejects with Error('Request failed, status N') carrying `.status` and `.headers` when status >= 400,
 *   unless `throw: false`;
 * - sends `method`, `headers`, `contentType` (as Content-Type) and `body` (string or ArrayBuffer);
 * - follows redirects, decodes gzip/deflate/br bodies; there is no timeout and no abort, like Obsidian.
 *
 * Tests route real hosts to loopback servers with `setRequestUrlRoutes({'https://www.youtube.com':
 * 'http://127.0.0.1:PORT'})` (URL prefixes, longest first). After routing, any URL that is not loopback
 * is refused with a net::ERR_INTERNET_DISCONNECTED error: tests never reach the internet. Every call is
 * recorded in `requestUrlLog`.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import * as zlib from 'node:zlib';
import type * as O from 'obsidian';
import { toArrayBuffer } from './util';

export interface RequestUrlLogEntry {
	/** The URL the plugin asked for. */
	url: string;
	/** Where the fake sent it after applying the routes. */
	routedUrl: string;
	method: string;
	headers: Record<string, string>;
	/** The request body as given (string, or a copy of the ArrayBuffer). */
	body: string | ArrayBuffer | undefined;
	/** Final status once a response arrived. */
	status?: number;
	/** Message of the network error, if the request failed without a response. */
	error?: string;
	/** How long the call took, set when it settles (benchmarks take the waiting out of a run's wall time). */
	durationMs?: number;
}

export const requestUrlLog: RequestUrlLogEntry[] = [];
let routes: [string, string][] = [];

/** Replaces the routing table: URL prefix -> replacement prefix (normally http://127.0.0.1:PORT). */
export function setRequestUrlRoutes(table: Record<string, string>): void {
	routes = Object.entries(table)
		.map(([from, to]): [string, string] => [from, to.replace(/\/+$/, from.endsWith('/') ? '/' : '')])
		.sort((a, b) => b[0].length - a[0].length);
}

export function clearRequestUrlLog(): void {
	requestUrlLog.length = 0;
}

/** Applies the routes to a URL (exported for tests of the routing itself). */
export function routeUrl(url: string): string {
	for (const [prefix, target] of routes) {
		if (!url.startsWith(prefix)) continue;
		const next = url.charAt(prefix.length);
		// 'https://www.youtube.com' must not capture 'https://www.youtube.com.evil.test'.
		if (prefix.endsWith('/') || next === '' || next === '/' || next === '?' || next === '#')
			return target + url.slice(prefix.length);
	}
	return url;
}

function isLoopback(hostname: string): boolean {
	const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

const NET_ERRORS: Record<string, string> = {
	ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
	ECONNRESET: 'net::ERR_CONNECTION_RESET',
	ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
	ETIMEDOUT: 'net::ERR_CONNECTION_TIMED_OUT',
	EHOSTUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
	EPIPE: 'net::ERR_CONNECTION_RESET',
};

const agents = { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) };

interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
}

function send(
	url: URL,
	method: string,
	headers: Record<string, string>,
	body: Buffer | undefined,
): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const lib = url.protocol === 'https:' ? https : http;
		const req = lib.request(
			url,
			{ method, headers, agent: url.protocol === 'https:' ? agents.https : agents.http },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('error', reject);
				res.on('end', () => {
					const out: Record<string, string> = {};
					for (const [key, value] of Object.entries(res.headers)) {
						if (value !== undefined)
							out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
					}
					let raw = Buffer.concat(chunks);
					try {
						const encoding = (out['content-encoding'] ?? '').toLowerCase();
						if (encoding === 'gzip' || encoding === 'x-gzip') raw = zlib.gunzipSync(raw);
						else if (encoding === 'deflate') raw = zlib.inflateSync(raw);
						else if (encoding === 'br') raw = zlib.brotliDecompressSync(raw);
					} catch (error) {
						reject(new Error(`net::ERR_CONTENT_DECODING_FAILED (${(error as Error).message})`));
						return;
					}
					resolve({ status: res.statusCode ?? 0, headers: out, body: raw });
				});
			},
		);
		req.on('error', (error: NodeJS.ErrnoException) => {
			const mapped = error.code ? NET_ERRORS[error.code] : undefined;
			const wrapped = new Error(mapped ? `${mapped} (${url.href})` : error.message);
			(wrapped as Error & { cause?: unknown }).cause = error;
			reject(wrapped);
		});
		req.end(body);
	});
}

function toBody(body: string | ArrayBuffer | ArrayBufferView | undefined): Buffer | undefined {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	return Buffer.from(String(body), 'utf8');
}

function makeResponse(raw: RawResponse): O.RequestUrlResponse {
	const text = raw.body.toString('utf8');
	const response = {
		status: raw.status,
		headers: raw.headers,
		text,
		arrayBuffer: toArrayBuffer(raw.body),
	} as O.RequestUrlResponse;
	Object.defineProperty(response, 'json', { enumerable: true, get: () => JSON.parse(text) as unknown });
	return response;
}

async function perform(param: O.RequestUrlParam): Promise<O.RequestUrlResponse> {
	const method0 = (param.method ?? 'GET').toUpperCase();
	const headers: Record<string, string> = { ...(param.headers ?? {}) };
	if (param.contentType) {
		for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-type') delete headers[key];
		headers['Content-Type'] = param.contentType;
	}
	const body0 = toBody(param.body as string | ArrayBuffer | undefined);
	const entry: RequestUrlLogEntry = {
		url: param.url,
		routedUrl: routeUrl(param.url),
		method: method0,
		headers: { ...headers },
		body:
			typeof param.body === 'string' || param.body === undefined
				? param.body
				: toArrayBuffer(toBody(param.body) as Buffer),
	};
	requestUrlLog.push(entry);
	const started = performance.now();
	try {
		let original = param.url;
		let method = method0;
		let body = body0;
		for (let hop = 0; ; hop++) {
			const routed = routeUrl(original);
			const url = new URL(routed);
			if (url.protocol !== 'http:' && url.protocol !== 'https:')
				throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${routed})`);
			if (!isLoopback(url.hostname)) {
				throw new Error(
					`net::ERR_INTERNET_DISCONNECTED: the fake requestUrl only reaches loopback ` +
						`servers; route ${original} with setRequestUrlRoutes`,
				);
			}
			const sendHeaders = { ...headers };
			if (body !== undefined) sendHeaders['Content-Length'] = String(body.byteLength);
			const raw = await send(url, method, sendHeaders, body);
			const location = raw.headers.location;
			if ([301, 302, 303, 307, 308].includes(raw.status) && location) {
				if (hop >= 20) throw new Error('net::ERR_TOO_MANY_REDIRECTS');
				original = new URL(location, original).href;
				if (raw.status === 303 || ((raw.status === 301 || raw.status === 302) && method === 'POST')) {
					method = 'GET';
					body = undefined;
					for (const key of Object.keys(headers))
						if (key.toLowerCase() === 'content-type') delete headers[key];
				}
				continue;
			}
			entry.status = raw.status;
			const response = makeResponse(raw);
			if (raw.status >= 400 && param.throw !== false) {
				const error = new Error(`Request failed, status ${raw.status}`) as Error & {
					status: number;
					headers: Record<string, string>;
				};
				error.status = raw.status;
				error.headers = raw.headers;
				throw error;
			}
			return response;
		}
	} catch (error) {
		if (entry.status === undefined) entry.error = (error as Error).message;
		throw error;
	} finally {
		entry.durationMs = performance.now() - started;
	}
}

export function requestUrl(request: O.RequestUrlParam | string): O.RequestUrlResponsePromise {
	const param: O.RequestUrlParam = typeof request === 'string' ? { url: request } : request;
	const promise = perform(param) as O.RequestUrlResponsePromise;
	Object.defineProperties(promise, {
		arrayBuffer: { get: () => promise.then((r) => r.arrayBuffer) },
		json: { get: () => promise.then((r) => r.json as unknown) },
		text: { get: () => promise.then((r) => r.text) },
	});
	return promise;
}

export async function request(req: O.RequestUrlParam | string): Promise<string> {
	return (await requestUrl(req)).text;
}
