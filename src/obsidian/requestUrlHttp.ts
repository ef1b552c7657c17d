import { requestUrl } from 'obsidian';
import { HttpClient, HttpNetworkError, raceWithAbort } from '../core/http';

/**
 * The core's network port over requestUrl: no CORS limits, works on mobile. requestUrl cannot be
 * aborted, so a cancelled request is abandoned (its answer ignored) rather than stopped.
 */
export const requestUrlHttp: HttpClient = async (request) => {
	const headers = request.headers ?? {};
	const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
	const pending = requestUrl({
		url: request.url,
		method: request.method ?? 'GET',
		headers,
		contentType,
		body: request.body,
		throw: false,
	});
	try {
		const response = await raceWithAbort(pending, request.signal);
		return { status: response.status, headers: response.headers, text: response.text };
	} catch (error) {
		if (error instanceof Error && error.name === 'AbortError') throw error;
		throw new HttpNetworkError(error instanceof Error ? error.message : String(error), { cause: error });
	}
};
