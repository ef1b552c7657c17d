/** What Handlebars' precompiler produces and its runtime turns into a template. */
export type TemplateSpecification = Parameters<(typeof import('handlebars'))['template']>[0];

/**
 * The shipped templates (shippedTemplates.ts) compiled, by template text; each specification is made on
 * first use. The build and the tests replace
 * this module with the table that scripts/precompileTemplates.cjs generates; as written here it is empty,
 * and every template compiles on demand.
 */
export const PRECOMPILED_TEMPLATES: ReadonlyMap<string, () => TemplateSpecification> = new Map();
