import { HttpClient, HttpNetworkError } from '../core/http';

/** The core's network port over Node's own fetch (Node 18 and later), for the command-line tool. */
export const nodeHttp: HttpClient = async (request) => {
	let response: Response;
	try {
		response = await fetch(request.url, {
			method: request.method ?? 'GET',
			headers: request.headers,
			body: request.body,
			signal: request.signal,
		});
	} catch (error) {
		if (error instanceof Error && error.name === 'AbortError') throw error;
		const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
		throw new HttpNetworkError(cause ?? (error instanceof Error ? error.message : String(error)), { cause: error });
	}
	const headers: Record<string, string> = {};
	response.headers.forEach((value, key) => {
		headers[key] = value;
	});
	return { status: response.status, headers, text: await response.text() };
};
