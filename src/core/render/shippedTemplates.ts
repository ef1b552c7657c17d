import { DEFAULT_PRESET, PRESETS } from './presets';
import { DEFAULT_PROPERTIES } from './properties';

/** How every template compiles, at build time (scripts/precompileTemplates.cjs) as on demand. */
export const COMPILE_OPTIONS = { strict: true, preventIndent: true } as const;

/** The template texts the plugin ships: the presets and the default property expressions. */
export const SHIPPED_TEMPLATES: string[] = [
	...PRESETS.map((preset) => preset.source),
	...DEFAULT_PROPERTIES.map((property) => property.value),
];

/**
 * The shipped texts the build precompiles: what a run with the default settings renders, which then needs only
 * Handlebars' runtime. The other presets compile on their first use, once per session; precompiled, they
 * would make main.js 8 KB heavier, and so slower to load for everyone.
 */
export const PRECOMPILED_SOURCES: string[] = [
	...PRESETS.filter((preset) => preset.id === DEFAULT_PRESET).map((preset) => preset.source),
	...DEFAULT_PROPERTIES.map((property) => property.value),
];
