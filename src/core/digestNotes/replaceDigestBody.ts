import { NoteStore } from '../notes/noteStore';
import { replaceGenerated } from '../notes/generatedBlock';
import { mergeFrontmatter } from '../render/frontmatter';
import { DIGEST_BLOCK, RenderedDigest } from './renderDigest';

/** True when the note still has the generated part a re-run or re-render replaces. */
export async function hasDigestBody(notes: NoteStore, path: string): Promise<boolean> {
	return replaceGenerated(await notes.read(path), DIGEST_BLOCK, '') !== null;
}

/**
 * The generated part replaced and the generated properties set; everything the user added is kept, and
 * `created` too unless `keepCreated` is false. False (and nothing written) when the part is gone.
 */
export async function replaceDigestBody(
	notes: NoteStore,
	path: string,
	rendered: RenderedDigest,
	keepCreated: boolean,
): Promise<boolean> {
	if (!(await hasDigestBody(notes, path))) return false;
	const properties = Object.fromEntries(
		Object.entries(rendered.properties).filter(([key]) => !(keepCreated && key === 'created')),
	);
	await notes.update(path, (text) =>
		mergeFrontmatter(replaceGenerated(text, DIGEST_BLOCK, rendered.body) ?? text, properties),
	);
	return true;
}
