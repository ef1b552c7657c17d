/** A notice text whose note path is a link: a click opens the note (and, as any click, closes the notice). */
export function noteLinkFragment(before: string, path: string, after: string, open: () => void): DocumentFragment {
	return createFragment((root) => {
		root.appendText(before);
		const link = root.createEl('a', { cls: 'internal-link youtube-digest-note-link', text: path, href: '#' });
		link.addEventListener('click', (event) => {
			event.preventDefault();
			open();
		});
		root.appendText(after);
	});
}
