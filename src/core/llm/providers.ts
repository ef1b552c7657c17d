/** Servers people use, preset: choosing one fills in the server URL and a model that works there. */
export interface ProviderPreset {
	id: string;
	name: string;
	baseUrl: string;
	model: string;
}

export const PROVIDERS: ProviderPreset[] = [
	{ id: 'openai', name: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini' },
	{ id: 'ollama', name: 'Ollama (local, no key)', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' },
	{ id: 'lmstudio', name: 'LM Studio (local, no key)', baseUrl: 'http://localhost:1234/v1', model: 'local-model' },
	{ id: 'openrouter', name: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', model: 'openai/gpt-4.1-mini' },
	{
		id: 'gemini',
		name: 'Google Gemini',
		baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai',
		model: 'gemini-2.5-flash',
	},
	{ id: 'anthropic', name: 'Anthropic', baseUrl: 'https://api.anthropic.com/v1', model: 'claude-haiku-4-5' },
];

export const CUSTOM_PROVIDER = 'custom';

/** The preset a server URL belongs to, or `custom`. */
export function providerOf(baseUrl: string): string {
	const normalized = baseUrl.replace(/\/+$/, '');
	return PROVIDERS.find((provider) => provider.baseUrl === normalized)?.id ?? CUSTOM_PROVIDER;
}
