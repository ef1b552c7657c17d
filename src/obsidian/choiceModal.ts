import { App, FuzzySuggestModal } from 'obsidian';

/** Picks one of a few things (a subtitle file, a caption track) by its label. */
export class ChoiceModal<T> extends FuzzySuggestModal<T> {
	constructor(
		app: App,
		placeholder: string,
		private readonly choices: T[],
		private readonly labelOf: (choice: T) => string,
		private readonly onChoose: (choice: T) => void,
	) {
		super(app);
		this.setPlaceholder(placeholder);
	}

	getItems(): T[] {
		return this.choices;
	}

	getItemText(choice: T): string {
		return this.labelOf(choice);
	}

	onChooseItem(choice: T): void {
		this.onChoose(choice);
	}
}
