/**
 * Modals. An open modal is attached to activeDocument.body and listed in the open-modal registry (see
 * `openModals()`/`lastModal()` in testing.ts); its scope is pushed on the app keymap so testing's
 * `pressKey` reaches the handlers it registers. close() detaches it and calls onClose synchronously.
 *
 * SuggestModal: suggestions are computed on open and on every 'input' event of inputEl; Enter selects
 * the highlighted one, arrows move the highlight, Escape closes. selectSuggestion closes the modal
 * first and then calls onChooseSuggestion (so onClose runs before onChooseSuggestion, as in Obsidian).
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { BaseComponent } from './components';
import { asDom, createEvent, createFakeElement, FakeElement, FakeFragment, getFakeDocument } from './dom';
import { state, trackHandlerResult } from './registry';
import { Scope } from './scope';
import { prepareFuzzySearch, renderResults } from './search';

export class Modal implements Faithful<O.Modal> {
	app: O.App;
	scope: O.Scope;
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	headerEl: HTMLElement;
	shouldRestoreSelection = true;
	private closeCallback: (() => unknown) | null = null;
	/** @internal */
	_isOpen = false;

	constructor(app: O.App) {
		this.app = app;
		this.scope = new Scope(app.scope) as unknown as O.Scope;
		this.scope.register([], 'Escape', () => {
			this.close();
			return false;
		});
		const container = createFakeElement('div', { cls: 'modal-container mod-dim' });
		container.createDiv('modal-bg');
		const modal = container.createDiv('modal');
		const closeButton = modal.createDiv('modal-close-button');
		closeButton.addEventListener('click', () => this.close());
		const header = modal.createDiv('modal-header');
		this.containerEl = asDom(container);
		this.modalEl = asDom(modal);
		this.headerEl = asDom(header);
		this.titleEl = asDom(header.createDiv('modal-title'));
		this.contentEl = asDom(modal.createDiv('modal-content'));
	}

	open(): void {
		if (this._isOpen) return;
		this._isOpen = true;
		getFakeDocument().body.appendChild(this.containerEl as unknown as FakeElement);
		state.openModals.push(this);
		this.app.keymap?.pushScope(this.scope);
		trackHandlerResult(this.onOpen(), `${this.constructor.name}.onOpen`);
	}

	close(): void {
		if (!this._isOpen) return;
		this._isOpen = false;
		const index = state.openModals.indexOf(this);
		if (index !== -1) state.openModals.splice(index, 1);
		this.app.keymap?.popScope(this.scope);
		(this.containerEl as unknown as FakeElement).detach();
		this.onClose();
		if (this.closeCallback) trackHandlerResult(this.closeCallback(), 'modal close callback');
	}

	onOpen(): Promise<void> | void {}

	onClose(): void {}

	setTitle(title: string): this {
		(this.titleEl as unknown as FakeElement).setText(title);
		return this;
	}

	setContent(content: string | DocumentFragment): this {
		(this.contentEl as unknown as FakeElement).setText(content as string | FakeFragment);
		return this;
	}

	setCloseCallback(callback: () => unknown): this {
		this.closeCallback = callback;
		return this;
	}

	onHistoryBack(): void {
		this.close();
	}
}

export interface RenderedSuggestion<T> {
	value: T;
	el: HTMLElement;
}

export abstract class SuggestModal<T> extends Modal implements Faithful<O.SuggestModal<T>> {
	limit = 100;
	emptyStateText = 'No results found.';
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	/** @internal What is currently rendered, in order. */
	_rendered: RenderedSuggestion<T>[] = [];
	/** @internal Index of the highlighted suggestion. */
	_selected = -1;
	/** @internal Settles when the latest suggestion update has been rendered. */
	_updating: Promise<void> = Promise.resolve();
	private updateToken = 0;

	constructor(app: O.App) {
		super(app);
		const modal = this.modalEl as unknown as FakeElement;
		modal.addClass('prompt');
		const inputContainer = createFakeElement('div', { cls: 'prompt-input-container' });
		modal.insertBefore(inputContainer, this.contentEl as unknown as FakeElement);
		const input = inputContainer.createEl('input', { cls: 'prompt-input', type: 'text' });
		this.inputEl = asDom<HTMLInputElement>(input);
		this.resultContainerEl = asDom(modal.createDiv('prompt-results'));
		modal.createDiv('prompt-instructions');
		input.addEventListener('input', () => this.updateSuggestions());
		this.scope.register([], 'Enter', (evt) => {
			this.selectActiveSuggestion(evt);
			return false;
		});
		this.scope.register([], 'ArrowDown', () => {
			this.setSelected(this._selected + 1);
			return false;
		});
		this.scope.register([], 'ArrowUp', () => {
			this.setSelected(this._selected - 1);
			return false;
		});
	}

	override open(): void {
		super.open();
		this.updateSuggestions();
	}

	setPlaceholder(placeholder: string): void {
		(this.inputEl as unknown as FakeElement).placeholder = placeholder;
	}

	/** @internal Recomputes and renders the suggestions for the current input value. */
	updateSuggestions(): Promise<void> {
		const token = ++this.updateToken;
		const result = this.getSuggestions((this.inputEl as unknown as FakeElement).value);
		this._updating = Promise.resolve(result).then((items) => {
			if (token === this.updateToken) this.renderSuggestions(items);
		});
		trackHandlerResult(this._updating, `${this.constructor.name}.getSuggestions`);
		return this._updating;
	}

	private renderSuggestions(items: T[]): void {
		const container = this.resultContainerEl as unknown as FakeElement;
		container.empty();
		this._rendered = [];
		this._selected = -1;
		const shown = this.limit > 0 ? items.slice(0, this.limit) : items;
		if (shown.length === 0) {
			this.onNoSuggestion();
			return;
		}
		for (const value of shown) {
			const el = container.createDiv('suggestion-item');
			this.renderSuggestion(value, asDom(el));
			el.addEventListener('click', (evt) => this.selectSuggestion(value, evt as unknown as MouseEvent));
			this._rendered.push({ value, el: asDom(el) });
		}
		this.setSelected(0);
	}

	private setSelected(index: number): void {
		if (this._rendered.length === 0) return;
		const next = (index + this._rendered.length) % this._rendered.length;
		this._rendered.forEach((r, i) => (r.el as unknown as FakeElement).toggleClass('is-selected', i === next));
		this._selected = next;
	}

	onNoSuggestion(): void {
		(this.resultContainerEl as unknown as FakeElement).createDiv({
			cls: 'suggestion-empty',
			text: this.emptyStateText,
		});
	}

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.close();
		trackHandlerResult(this.onChooseSuggestion(value, evt), `${this.constructor.name}.onChooseSuggestion`);
	}

	selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
		const active = this._rendered[this._selected];
		if (active) this.selectSuggestion(active.value, evt);
	}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): unknown;
}

export abstract class FuzzySuggestModal<T>
	extends SuggestModal<O.FuzzyMatch<T>>
	implements Faithful<O.FuzzySuggestModal<T>>
{
	getSuggestions(query: string): O.FuzzyMatch<T>[] {
		const search = prepareFuzzySearch(query);
		const out: O.FuzzyMatch<T>[] = [];
		for (const item of this.getItems()) {
			const match = search(this.getItemText(item));
			if (match) out.push({ item, match });
		}
		if (query.trim() !== '') out.sort((a, b) => b.match.score - a.match.score);
		return out;
	}

	renderSuggestion(item: O.FuzzyMatch<T>, el: HTMLElement): void {
		renderResults(el, this.getItemText(item.item), item.match);
	}

	onChooseSuggestion(item: O.FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		trackHandlerResult(this.onChooseItem(item.item, evt), `${this.constructor.name}.onChooseItem`);
	}

	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): unknown;
}

/** A button of a ConfirmationModal: closes the modal after its handler, unless the handler returns truthy. */
export class ConfirmationButton extends BaseComponent {
	buttonEl: HTMLButtonElement;
	private handler: ((evt: MouseEvent) => unknown) | null = null;

	/** @internal Use ConfirmationModal.addButton. */
	constructor(
		containerEl: FakeElement,
		private readonly modal: ConfirmationModal,
	) {
		super();
		const button = containerEl.createEl('button');
		this.buttonEl = asDom<HTMLButtonElement>(button);
		button.addEventListener('click', async (evt) => {
			const keepOpen = this.handler ? await this.handler(evt as unknown as MouseEvent) : false;
			if (!keepOpen) this.modal.close();
		});
	}

	setButtonText(text: string): this {
		(this.buttonEl as unknown as FakeElement).setText(text);
		return this;
	}

	setCta(): this {
		(this.buttonEl as unknown as FakeElement).addClass('mod-cta');
		return this;
	}

	setWarning(): this {
		return this.setDestructive();
	}

	setDestructive(): this {
		(this.buttonEl as unknown as FakeElement).addClass('mod-destructive');
		return this;
	}

	onClick(handler: (evt: MouseEvent) => unknown): this {
		this.handler = handler;
		return this;
	}

	setCancel(): this {
		(this.buttonEl as unknown as FakeElement).addClass('mod-cancel');
		return this;
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		(this.buttonEl as unknown as FakeElement).disabled = disabled;
		return this;
	}
}

export class ConfirmationModal extends Modal {
	buttonContainerEl: HTMLElement;

	constructor(app: O.App) {
		super(app);
		this.buttonContainerEl = asDom((this.modalEl as unknown as FakeElement).createDiv('modal-button-container'));
	}

	addClass(cls: string): this {
		(this.modalEl as unknown as FakeElement).addClass(cls);
		return this;
	}

	addButton(cb: (btn: ConfirmationButton) => unknown): this {
		cb(new ConfirmationButton(this.buttonContainerEl as unknown as FakeElement, this));
		return this;
	}

	addCancelButton(text = 'Cancel'): this {
		return this.addButton((btn) => btn.setButtonText(text).setCancel());
	}
}

/** @internal A yes/no prompt used by FileManager.promptForDeletion. */
export function confirmWithModal(app: O.App, title: string, message: string, confirmText: string): Promise<boolean> {
	return new Promise((resolve) => {
		let answer = false;
		const modal = new ConfirmationModal(app);
		modal.setTitle(title).setContent(message);
		modal.addButton((btn) =>
			btn
				.setButtonText(confirmText)
				.setDestructive()
				.onClick(() => {
					answer = true;
				}),
		);
		modal.addCancelButton();
		modal.setCloseCallback(() => resolve(answer));
		modal.open();
	});
}

/** Dispatches a keydown on the modal's focused input, then runs the modal's scope handlers. */
export function pressKeyInModal(
	modal: Modal,
	key: string,
	modifiers: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean } = {},
): boolean {
	const evt = createEvent('keydown', { key, ...modifiers });
	const target = (getFakeDocument().activeElement ?? null) as FakeElement | null;
	const inside = target && (modal.containerEl as unknown as FakeElement).contains(target) ? target : null;
	(inside ?? (modal.contentEl as unknown as FakeElement)).dispatchEvent(evt);
	if (evt.defaultPrevented) return true;
	return (modal.scope as unknown as Scope).handleKey(evt as unknown as KeyboardEvent);
}
