import { HttpClient, HttpRequest } from '../../src/core/http';
import { nodeHttp } from '../../src/cli/nodeHttp';

export interface RoutedHttp {
	http: HttpClient;
	/** Every request as the code under test made it (before routing). */
	log: HttpRequest[];
}

/**
 * The core's HttpClient over real HTTP, with real hosts routed to loopback fake servers
 * (`{ 'https://www.youtube.com': fake.baseUrl }`). Anything that would leave the machine is refused.
 */
export function routedHttp(routes: Record<string, string>): RoutedHttp {
	const log: HttpRequest[] = [];
	const http: HttpClient = async (request) => {
		log.push(request);
		const prefix = Object.keys(routes).find((origin) => request.url.startsWith(origin));
		const url = prefix ? routes[prefix] + request.url.slice(prefix.length) : request.url;
		const host = new URL(url).hostname;
		if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`Test tried to reach ${request.url}`);
		return nodeHttp({ ...request, url });
	};
	return { http, log };
}
