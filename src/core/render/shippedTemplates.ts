import { PRESETS } from './presets';
import { DEFAULT_PROPERTIES } from './properties';

/** How every template compiles, at build time (scripts/precompileTemplates.cjs) as on demand. */
export const COMPILE_OPTIONS = { strict: true, preventIndent: true } as const;

/**
 * The template texts the plugin ships: the presets and the default property expressions. The build
 * precompiles them, so a run with them needs only Handlebars' runtime, not its compiler.
 */
export const SHIPPED_TEMPLATES: string[] = [
	...PRESETS.map((preset) => preset.source),
	...DEFAULT_PROPERTIES.map((property) => property.value),
];
