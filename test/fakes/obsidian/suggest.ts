/**
 * AbstractInputSuggest: suggestions under a text input. Typing ('input') or focusing the input computes them with
 * getSuggestions and shows them in a `.suggestion-container` popover on activeDocument.body; clicking one calls
 * selectSuggestion, which (as in Obsidian) only calls the onSelect callback: the input's value and closing the
 * popover are the caller's. Keyboard navigation is not modelled.
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { asDom, asFake, createFakeElement, FakeElement, getFakeDocument } from './dom';
import { trackHandlerResult } from './registry';
import { Scope } from './scope';

const suggestByInput = new WeakMap<FakeElement, AbstractInputSuggest<unknown>>();

/** @internal The suggest attached to this input, if any. */
export function suggestOfInput(input: unknown): AbstractInputSuggest<unknown> | undefined {
	return suggestByInput.get(asFake(input));
}

export abstract class AbstractInputSuggest<T> implements Faithful<O.AbstractInputSuggest<T>> {
	app: O.App;
	scope: O.Scope;
	limit = 100;
	/** @internal What is shown, in order. */
	_rendered: { value: T; el: HTMLElement }[] = [];
	/** @internal Settles when the latest suggestions are shown. */
	_updating: Promise<void> = Promise.resolve();
	private readonly inputEl: FakeElement;
	private readonly containerEl = createFakeElement('div', { cls: 'suggestion-container' });
	private selectCallback: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
	private updateToken = 0;

	constructor(app: O.App, textInputEl: HTMLInputElement | HTMLDivElement) {
		this.app = app;
		this.scope = new Scope(app.scope) as unknown as O.Scope;
		this.inputEl = asFake(textInputEl);
		this.inputEl.addEventListener('input', () => this.update());
		this.inputEl.addEventListener('focus', () => this.update());
		suggestByInput.set(this.inputEl, this as AbstractInputSuggest<unknown>);
	}

	/** @internal Whether the popover is on screen. */
	get _isOpen(): boolean {
		return this.containerEl.parentNode !== null;
	}

	setValue(value: string): void {
		if (this.inputEl.localName === 'input') this.inputEl.value = value;
		else this.inputEl.setText(value);
	}

	getValue(): string {
		return this.inputEl.localName === 'input' ? this.inputEl.value : this.inputEl.getText();
	}

	open(): void {
		if (!this._isOpen) getFakeDocument().body.appendChild(this.containerEl);
	}

	close(): void {
		this.containerEl.detach();
	}

	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		trackHandlerResult(this.selectCallback?.(value, evt), `${this.constructor.name}.onSelect`);
	}

	onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.selectCallback = callback;
		return this;
	}

	private update(): void {
		const token = ++this.updateToken;
		this._updating = Promise.resolve(this.getSuggestions(this.getValue())).then((items) => {
			if (token === this.updateToken) this.show(items);
		});
		trackHandlerResult(this._updating, `${this.constructor.name}.getSuggestions`);
	}

	private show(items: T[]): void {
		this.containerEl.empty();
		this._rendered = [];
		const shown = this.limit > 0 ? items.slice(0, this.limit) : items;
		if (shown.length === 0) {
			this.close();
			return;
		}
		const list = this.containerEl.createDiv('suggestion');
		for (const value of shown) {
			const el = list.createDiv('suggestion-item');
			this.renderSuggestion(value, asDom(el));
			el.addEventListener('click', (evt) => this.selectSuggestion(value, evt as unknown as MouseEvent));
			this._rendered.push({ value, el: asDom(el) });
		}
		this.open();
	}
}
