/**
 * Type-ahead popovers: PopoverSuggest, AbstractInputSuggest (attached to an <input>) and EditorSuggest.
 * Suggestions render into a detached `.suggestion-container`; testing.ts's `chooseInputSuggestion`
 * computes them for the input's current value and selects one, as a click would.
 */
import type * as O from 'obsidian';
import { asDom, asFake, createFakeElement, FakeElement } from './dom';
import { trackHandlerResult } from './registry';
import { Scope } from './scope';

export abstract class PopoverSuggest<T> implements O.PopoverSuggest<T> {
	app: O.App;
	scope: O.Scope;
	/** @internal */ readonly suggestEl: FakeElement;
	/** @internal */ isOpen = false;

	constructor(app: O.App, scope?: O.Scope) {
		this.app = app;
		this.scope = (scope ?? new Scope(app.scope)) as O.Scope;
		this.suggestEl = createFakeElement('div', { cls: 'suggestion-container' });
	}

	open(): void {
		this.isOpen = true;
	}

	close(): void {
		this.isOpen = false;
		this.suggestEl.empty();
	}

	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
}

const suggestByInput = new WeakMap<FakeElement, AbstractInputSuggest<unknown>>();

/** @internal The AbstractInputSuggest attached to an input, if any. */
export function inputSuggestOf(el: FakeElement): AbstractInputSuggest<unknown> | undefined {
	return suggestByInput.get(el);
}

export abstract class AbstractInputSuggest<T>
	extends PopoverSuggest<T>
	implements Omit<O.AbstractInputSuggest<T>, 'onSelect'>
{
	limit = 100;
	/** @internal */ readonly textInputEl: FakeElement;
	private selectCb: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
	/** @internal */ _rendered: { value: T; el: FakeElement }[] = [];

	constructor(app: O.App, textInputEl: HTMLInputElement | HTMLDivElement) {
		super(app);
		this.textInputEl = asFake(textInputEl);
		suggestByInput.set(this.textInputEl, this as AbstractInputSuggest<unknown>);
		const refresh = () => this.refresh();
		this.textInputEl.addEventListener('input', refresh);
		this.textInputEl.addEventListener('focus', refresh);
	}

	setValue(value: string): void {
		if (this.textInputEl.localName === 'input' || this.textInputEl.localName === 'textarea')
			this.textInputEl.value = value;
		else this.textInputEl.setText(value);
	}

	getValue(): string {
		return this.textInputEl.localName === 'input' || this.textInputEl.localName === 'textarea'
			? this.textInputEl.value
			: this.textInputEl.textContent;
	}

	/** @internal Computes and renders the suggestions for the current value. */
	async refresh(): Promise<{ value: T; el: FakeElement }[]> {
		const items = await this.getSuggestions(this.getValue());
		this.suggestEl.empty();
		this._rendered = [];
		for (const value of this.limit > 0 ? items.slice(0, this.limit) : items) {
			const el = this.suggestEl.createDiv('suggestion-item');
			this.renderSuggestion(value, asDom(el));
			el.addEventListener('click', (evt) => this.selectSuggestion(value, evt as unknown as MouseEvent));
			this._rendered.push({ value, el });
		}
		if (this._rendered.length > 0) this.open();
		else this.close();
		return this._rendered;
	}

	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		if (this.selectCb) trackHandlerResult(this.selectCb(value, evt), 'AbstractInputSuggest.onSelect');
	}

	onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.selectCb = callback;
		return this;
	}
}

export abstract class EditorSuggest<T> extends PopoverSuggest<T> implements O.EditorSuggest<T> {
	context: O.EditorSuggestContext | null = null;
	limit = 100;
	/** @internal */ instructions: O.Instruction[] = [];

	constructor(app: O.App) {
		super(app);
	}

	setInstructions(instructions: O.Instruction[]): void {
		this.instructions = instructions;
	}

	abstract onTrigger(
		cursor: O.EditorPosition,
		editor: O.Editor,
		file: O.TFile | null,
	): O.EditorSuggestTriggerInfo | null;
	abstract getSuggestions(context: O.EditorSuggestContext): T[] | Promise<T[]>;
}
