/**
 * The subset of JSON Schema that strict structured outputs accept (every property required, no extra
 * properties, nullable written as a type list), and a validator for exactly that subset, so that the
 * schema sent to the model and the check applied to its answer can never disagree.
 */
export type JsonSchema =
	| { type: 'string' | ['string', 'null']; description?: string; enum?: string[] }
	| { type: 'boolean'; description?: string }
	/** A reference to a shared definition, `#/$defs/name`: one copy in the request instead of several. */
	| { $ref: string }
	| { type: 'array'; items: JsonSchema; description?: string }
	| {
			type: 'object';
			properties: Record<string, JsonSchema>;
			required: string[];
			additionalProperties: false;
			description?: string;
			$defs?: Record<string, JsonSchema>;
	  };

export interface ValidationProblem {
	path: string;
	message: string;
}

export function validateJson(
	value: unknown,
	schema: JsonSchema,
	path = '$',
	root: JsonSchema = schema,
): ValidationProblem[] {
	if ('$ref' in schema) return validateJson(value, resolveReference(schema.$ref, root), path, root);
	switch (schema.type) {
		case 'array':
			return validateArray(value, schema, path, root);
		case 'object':
			return validateObject(value, schema, path, root);
		case 'boolean':
			return typeof value === 'boolean' ? [] : [{ path, message: `expected a boolean, got ${describe(value)}` }];
		default:
			return validateString(value, schema, path);
	}
}

function resolveReference(reference: string, root: JsonSchema): JsonSchema {
	const name = /^#\/\$defs\/(.+)$/.exec(reference)?.[1];
	const target = name && 'type' in root && root.type === 'object' ? root.$defs?.[name] : undefined;
	if (!target) throw new Error(`Unknown schema reference ${reference}`);
	return target;
}

function validateString(
	value: unknown,
	schema: Extract<JsonSchema, { enum?: string[] }>,
	path: string,
): ValidationProblem[] {
	if (value === null && Array.isArray(schema.type)) return [];
	if (typeof value !== 'string') return [{ path, message: `expected a string, got ${describe(value)}` }];
	if (schema.enum && !schema.enum.includes(value))
		return [{ path, message: `expected one of ${schema.enum.join(', ')}` }];
	return [];
}

function validateArray(
	value: unknown,
	schema: Extract<JsonSchema, { type: 'array' }>,
	path: string,
	root: JsonSchema,
): ValidationProblem[] {
	if (!Array.isArray(value)) return [{ path, message: `expected an array, got ${describe(value)}` }];
	return value.flatMap((item, index) => validateJson(item, schema.items, `${path}[${index}]`, root));
}

function validateObject(
	value: unknown,
	schema: Extract<JsonSchema, { type: 'object' }>,
	path: string,
	root: JsonSchema,
): ValidationProblem[] {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return [{ path, message: `expected an object, got ${describe(value)}` }];
	}
	const record = value as Record<string, unknown>;
	const missing = schema.required
		.filter((key) => !(key in record))
		.map((key) => ({ path: `${path}.${key}`, message: 'is missing' }));
	const extra = Object.keys(record)
		.filter((key) => !(key in schema.properties))
		.map((key) => ({ path: `${path}.${key}`, message: 'is not allowed' }));
	const nested = Object.entries(schema.properties)
		.filter(([key]) => key in record)
		.flatMap(([key, propertySchema]) => validateJson(record[key], propertySchema, `${path}.${key}`, root));
	return [...missing, ...extra, ...nested];
}

/**
 * The answer made to follow the schema, for when the model could not, twice: an object keeps its valid
 * properties, and a missing or wrong one becomes empty (`''`, `null` where allowed, `[]`, `false`); a list keeps
 * the items that are valid as they are. What is left out costs that field, not the digest.
 */
export function salvageJson(value: unknown, schema: JsonSchema, root: JsonSchema = schema): unknown {
	if ('$ref' in schema) return salvageJson(value, resolveReference(schema.$ref, root), root);
	if (validateJson(value, schema, '$', root).length === 0) return value;
	switch (schema.type) {
		case 'array':
			return Array.isArray(value)
				? value.filter((item) => validateJson(item, schema.items, '$', root).length === 0)
				: [];
		case 'object': {
			const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
			return Object.fromEntries(
				Object.entries(schema.properties).map(([key, property]) => [
					key,
					salvageJson(record[key], property, root),
				]),
			);
		}
		case 'boolean':
			return false;
		default:
			return Array.isArray(schema.type) ? null : '';
	}
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value;
}

export function describeProblems(problems: ValidationProblem[], limit = 8): string {
	const shown = problems.slice(0, limit).map((problem) => `${problem.path} ${problem.message}`);
	const more = problems.length > limit ? ` (and ${problems.length - limit} more)` : '';
	return shown.join('; ') + more;
}
