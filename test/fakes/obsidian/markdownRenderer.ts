/**
 * MarkdownRenderer without a Markdown engine: each block (text between blank lines) becomes a <p> (or
 * <h1>-<h6> for ATX headings) holding the block's raw text, so tests can read what would be shown.
 */
import type * as O from 'obsidian';
import { Component } from './component';
import { asFake } from './dom';

export class MarkdownRenderChild extends Component implements O.MarkdownRenderChild {
	containerEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.containerEl = containerEl;
	}
}

export abstract class MarkdownRenderer extends MarkdownRenderChild {
	static async render(
		_app: O.App,
		markdown: string,
		el: HTMLElement,
		_sourcePath: string,
		_component: O.Component,
	): Promise<void> {
		const target = asFake(el);
		for (const block of markdown.split(/\n\s*\n/)) {
			const text = block.trim();
			if (!text) continue;
			const heading = /^(#{1,6})\s+(.*)$/.exec(text);
			if (heading && !text.includes('\n')) target.createEl(`h${heading[1].length}`, { text: heading[2] });
			else target.createEl('p', { text });
		}
	}

	/** @deprecated in Obsidian; use render. */
	static async renderMarkdown(
		markdown: string,
		el: HTMLElement,
		sourcePath: string,
		component: O.Component,
	): Promise<void> {
		await MarkdownRenderer.render(undefined as unknown as O.App, markdown, el, sourcePath, component);
	}
}

/** Plain text of an HTML string with tags removed (the fake has no HTML parser). */
export function htmlToMarkdown(html: string | HTMLElement | Document | DocumentFragment): string {
	if (typeof html !== 'string') return (html as unknown as { textContent: string }).textContent ?? '';
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}
