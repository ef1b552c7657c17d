import { App, Modal, Setting } from 'obsidian';

export interface TextPrompt {
	title: string;
	label: string;
	placeholder: string;
	button: string;
}

/** Asks for one line of text (a link, a language) and hands it over on Enter or on the button. */
export class TextPromptModal extends Modal {
	private value = '';

	constructor(
		app: App,
		private readonly prompt: TextPrompt,
		private readonly onSubmit: (input: string) => void,
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle(this.prompt.title);
		new Setting(this.contentEl).setName(this.prompt.label).addText((text) => {
			text.setPlaceholder(this.prompt.placeholder).onChange((value) => {
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
				.setButtonText(this.prompt.button)
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
