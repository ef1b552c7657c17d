// Builds main.js and cli.js from the current sources so that tests of the built files never run stale code.
const { execFileSync } = require('node:child_process');
module.exports = () => {
	execFileSync(process.execPath, ['esbuild.config.mjs', 'production'], { stdio: 'inherit', cwd: __dirname + '/..' });
};
