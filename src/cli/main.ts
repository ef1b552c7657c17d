import { version } from '../../package.json';
import { redactedErrorText } from '../core/redact';
import { EXIT } from './exitCodes';
import { holdProcessUntil } from './holdProcess';
import { runCli } from './runCli';

const controller = new AbortController();
process.once('SIGINT', () => {
	process.stderr.write('Cancelling…\n');
	controller.abort();
	process.once('SIGINT', () => process.exit(EXIT.cancelled));
});

holdProcessUntil(
	runCli({
		argv: process.argv.slice(2),
		env: process.env,
		cwd: process.cwd(),
		stdout: (text) => process.stdout.write(text),
		stderr: (text) => process.stderr.write(text),
		stderrIsTTY: process.stderr.isTTY === true,
		signal: controller.signal,
		version,
	}),
).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		console.error(redactedErrorText(error));
		process.exitCode = EXIT.unexpected;
	},
);
