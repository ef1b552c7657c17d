import { App, FuzzySuggestModal } from 'obsidian';
import { TemplateChoice } from './templates';

/** Picks a template (a preset or a note in the template folder) for one digest. */
export class TemplateSuggestModal extends FuzzySuggestModal<TemplateChoice> {
	constructor(
		app: App,
		private readonly choices: TemplateChoice[],
		private readonly onChoose: (choice: TemplateChoice) => void,
	) {
		super(app);
		this.setPlaceholder('Choose a template');
	}

	getItems(): TemplateChoice[] {
		return this.choices;
	}

	getItemText(choice: TemplateChoice): string {
		return choice.name;
	}

	onChooseItem(choice: TemplateChoice): void {
		this.onChoose(choice);
	}
}
