import { App, Modal, Setting } from 'obsidian';

/** A yes-or-no question; closing the dialog counts as no. */
export function confirm(app: App, title: string, message: string, yes: string): Promise<boolean> {
	return new Promise((resolve) => {
		const modal = new ConfirmModal(app, title, message, yes, resolve);
		modal.open();
	});
}

class ConfirmModal extends Modal {
	private answered = false;

	constructor(
		app: App,
		private readonly title: string,
		private readonly message: string,
		private readonly yes: string,
		private readonly answer: (yes: boolean) => void,
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle(this.title);
		this.contentEl.createEl('p', { text: this.message });
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText(this.yes)
					.setCta()
					.onClick(() => {
						this.answered = true;
						this.answer(true);
						this.close();
					}),
			);
	}

	onClose(): void {
		if (!this.answered) this.answer(false);
		this.contentEl.empty();
	}
}
