/**
 * Servers on this machine or the local network (Ollama, LM Studio, llama.cpp) take any key; hosted services
 * need one.
 */
export function needsApiKey(baseUrl: string): boolean {
	let host: string;
	try {
		host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
	} catch {
		return true;
	}
	return !LOCAL_HOSTS.some((pattern) => pattern.test(host));
}

const LOCAL_HOSTS = [
	/^localhost$/i,
	/^127(?:\.\d+){3}$/,
	/^::1$/,
	/^0\.0\.0\.0$/,
	/^10(?:\.\d+){3}$/,
	/^192\.168(?:\.\d+){2}$/,
	/^172\.(?:1[6-9]|2\d|3[01])(?:\.\d+){2}$/,
	/\.local$/i,
];
