/**
 * Shared plumbing for the fake HTTP servers used in tests: listen on 127.0.0.1 with an OS-assigned port, read
 * request bodies, write complete responses with an exact Content-Length, and shut down without leaving open
 * handles (keep-alive sockets from Node's fetch and pending latency timers would otherwise keep Jest alive).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// Explicit Node timers: this runs in Node (Jest, benchmarks), where the browser `window` timers do not exist.
import { clearTimeout, setTimeout } from 'node:timers';

/** The request as a fake handler sees it: everything already read, headers lower-cased and flattened. */
export interface IncomingTestRequest {
	method: string;
	/** Path without the query string, e.g. `/api/timedtext`. */
	path: string;
	query: URLSearchParams;
	/** Header names are lower case (Node does that); repeated headers are joined with `, `. */
	headers: Record<string, string>;
	/** Raw request body decoded as UTF-8 (empty string for GET). */
	body: string;
}

/** What a fake handler answers. `json` is serialised when `body` is absent. */
export interface OutgoingTestResponse {
	status?: number;
	headers?: Record<string, string>;
	body?: string | Buffer;
	json?: unknown;
}

export type LoopbackHandler = (request: IncomingTestRequest) => Promise<OutgoingTestResponse> | OutgoingTestResponse;

export interface LoopbackServer {
	/** `http://127.0.0.1:PORT`, no trailing slash. */
	origin: string;
	/** Resolves after `ms`, or immediately once the server is closing; lets handlers simulate latency safely. */
	sleep(ms: number): Promise<void>;
	close(): Promise<void>;
}

/** Details of one written response, reported so callers can record status and byte counts. */
export interface WrittenResponse {
	status: number;
	bytesSent: number;
	headers: Record<string, string>;
}

/**
 * Starts a server whose every request goes through `handler`.
 * `onRequest` runs before the handler (so requests are recorded even if the handler hangs) and returns a callback
 * invoked with what was written. A handler that throws produces a 500 whose body names the error, so a broken
 * test double fails loudly instead of hanging.
 */
export async function startLoopbackServer(
	handler: LoopbackHandler,
	onRequest: (request: IncomingTestRequest) => (written: WrittenResponse) => void = () => () => undefined,
): Promise<LoopbackServer> {
	const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
	let closing = false;

	const sleep = (ms: number): Promise<void> => {
		if (ms <= 0 || closing) return Promise.resolve();
		return new Promise<void>((resolve) => {
			const entry = { timer: setTimeout(() => finish(), ms), resolve: () => finish() };
			function finish(): void {
				clearTimeout(entry.timer);
				timers.delete(entry);
				resolve();
			}
			timers.add(entry);
		});
	};

	const server: Server = createServer((req, res) => {
		// A client that disconnects mid-request must not surface as an unhandled rejection.
		serve(req, res).catch(() => res.destroy());
	});

	async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const request = await readRequest(req);
		const report = onRequest(request);
		let reply: OutgoingTestResponse;
		try {
			reply = await handler(request);
		} catch (error) {
			reply = {
				status: 500,
				body:
					`fake server handler threw: ` +
					`${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
			};
		}
		report(writeResponse(res, reply));
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		origin: `http://127.0.0.1:${port}`,
		sleep,
		close: async () => {
			closing = true;
			for (const entry of [...timers]) entry.resolve(); // let delayed handlers finish instead of dangling
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				// Node's fetch keeps idle keep-alive sockets open; without this, close() waits for their timeout.
				server.closeAllConnections();
			});
		},
	};
}

async function readRequest(req: IncomingMessage): Promise<IncomingTestRequest> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	return {
		method: req.method ?? 'GET',
		path: url.pathname,
		query: url.searchParams,
		headers: flattenHeaders(req.headers),
		body: Buffer.concat(chunks).toString('utf8'),
	};
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return flat;
}

function writeResponse(res: ServerResponse, reply: OutgoingTestResponse): WrittenResponse {
	const status = reply.status ?? 200;
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
	let body: Buffer;
	if (reply.body !== undefined) {
		body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
	} else if (reply.json !== undefined) {
		body = Buffer.from(JSON.stringify(reply.json), 'utf8');
		headers['content-type'] ??= 'application/json; charset=UTF-8';
	} else {
		body = Buffer.alloc(0);
	}
	// Always exact: the "PO token required" case is recognised by an explicit `Content-Length: 0`.
	headers['content-length'] = String(body.length);
	if (!res.destroyed) {
		res.writeHead(status, headers);
		res.end(body);
	}
	return { status, bytesSent: body.length, headers };
}
