import { DigestError, userMessage } from '../../src/core/errors';
import { REDACTED, redactedErrorText, redactSecrets } from '../../src/core/redact';

describe('redactSecrets', () => {
	it.each([
		['an OpenAI key', 'Incorrect API key provided: sk-proj-AbCdEf1234567890XyZ.', 'sk-proj'],
		['an echoed Authorization header', 'got header Authorization: Bearer abcDEF123456789ghiJKL', 'abcDEF'],
		['a key in a query string', 'GET /v1/models?api_key=zz9-plural-z-alpha failed', 'zz9-plural'],
		['a key in JSON', '{"error":{"apiKey":"local-secret-77"}}', 'local-secret'],
		['a Google key', 'key AIzaSyA1234567890abcdefghijklmnop is invalid', 'AIzaSy'],
		['a Hugging Face token', 'token hf_abcdefghijklmnopqrstuvwxyz rejected', 'hf_abc'],
		['a password in a server URL', 'could not connect to https://me:hunter2pw@llm.example/v1', 'hunter2pw'],
		['a long opaque token', `session ${'Q'.repeat(24)}w${'7'.repeat(24)} expired`, 'QQQQ'],
	])('hides %s', (_kind, text, secretPart) => {
		const redacted = redactSecrets(text);
		expect(redacted).not.toContain(secretPart);
		expect(redacted).toContain(REDACTED);
	});

	it('hides a known secret that looks like nothing in particular', () => {
		expect(redactSecrets('wrong key hunter2x', ['hunter2x'])).toBe(`wrong key ${REDACTED}`);
	});

	it('keeps ordinary error text readable', () => {
		const text = 'The model `gpt-4.1-mini` does not exist or you do not have access to it.';
		expect(redactSecrets(text)).toBe(text);
	});

	it('applies to every DigestError detail and to errors of any origin shown to the user', () => {
		const key = 'sk-live-0123456789abcdefghij';
		expect(new DigestError('llm-unavailable', `server said ${key}`).detail).not.toContain(key);
		expect(userMessage(new Error(`fetch failed for Bearer ${key}`))).not.toContain('0123456789');
	});
});

describe('redactedErrorText', () => {
	it('gives a log the stack of an unexpected error without any key in it', () => {
		const text = redactedErrorText(
			new TypeError('request failed with Authorization: Bearer sk-abcdefghijklmnop1234'),
		);
		expect(text).toContain('TypeError: request failed');
		expect(text).not.toContain('sk-abcdefghijklmnop1234');
	});
});
