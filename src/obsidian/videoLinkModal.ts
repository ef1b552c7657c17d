import { App, Modal, Setting } from 'obsidian';

/** Asks for a YouTube link (or video id) and hands it over on Enter or on the button. */
export class VideoLinkModal extends Modal {
	private value = '';

	constructor(
		app: App,
		private readonly onSubmit: (input: string) => void,
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle('Summarize YouTube video');
		new Setting(this.contentEl).setName('Video link').addText((text) => {
			text.setPlaceholder("Paste a YouTube link").onChange((value) => {
				this.value = value;
			});
			text.inputEl.addEventListener('keydown', (event) => {
				if (event.key === 'Enter') {
					event.preventDefault();
					this.submit();
				}
			});
		});
		new Setting(this.contentEl).addButton((button) =>
			button
				.setButtonText('Summarize')
				.setCta()
				.onClick(() => this.submit()),
		);
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private submit(): void {
		const input = this.value.trim();
		if (!input) return;
		this.close();
		this.onSubmit(input);
	}
}
