/**
 * Setting controls (TextComponent, DropdownComponent, ToggleComponent, ...), built on the fake DOM.
 *
 * As in Obsidian, `setValue` changes the control without calling the onChange callback, except
 * ToggleComponent, whose setValue calls it when the value actually changes. User input arrives as DOM
 * events: 'input' for text fields, 'change' for dropdowns, color pickers and (non-instant) sliders, a
 * click for toggles and buttons. testing.ts's `changeValue`/`click` produce exactly those events.
 */
import type * as O from 'obsidian';
import { asDom, asFake, FakeElement } from './dom';
import momentLib from 'moment';
import { setIcon, setTooltip } from './util';

export abstract class BaseComponent implements O.BaseComponent {
	disabled = false;

	then(cb: (component: this) => unknown): this {
		cb(this);
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export abstract class ValueComponent<T> extends BaseComponent implements O.ValueComponent<T> {
	registerOptionListener(listeners: Record<string, (value?: T) => T>, key: string): this {
		listeners[key] = (value?: T) => {
			if (value !== undefined) this.setValue(value);
			return this.getValue();
		};
		return this;
	}

	abstract getValue(): T;
	abstract setValue(value: T): this;
}

export class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement>
	extends ValueComponent<string>
	implements O.AbstractTextComponent<T>
{
	inputEl: T;
	private changeCallback: ((value: string) => unknown) | null = null;
	/** @internal What the last onChange callback returned (awaited by testing helpers). */
	_lastResult: unknown;

	constructor(inputEl: T) {
		super();
		this.inputEl = inputEl;
		asFake(inputEl).addEventListener('input', () => {
			this.onChanged();
			return this._lastResult;
		});
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		asFake(this.inputEl).disabled = disabled;
		return this;
	}

	getValue(): string {
		return asFake(this.inputEl).value;
	}

	setValue(value: string): this {
		asFake(this.inputEl).value = value;
		return this;
	}

	setPlaceholder(placeholder: string): this {
		asFake(this.inputEl).placeholder = placeholder;
		return this;
	}

	onChanged(): void {
		this._lastResult = this.changeCallback ? this.changeCallback(this.getValue()) : undefined;
	}

	onChange(callback: (value: string) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> implements O.TextComponent {
	constructor(containerEl: HTMLElement) {
		super(
			asDom<HTMLInputElement>(
				asFake(containerEl).createEl('input', { type: 'text', attr: { spellcheck: 'false' } }),
			),
		);
	}
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> implements O.TextAreaComponent {
	constructor(containerEl: HTMLElement) {
		super(asDom<HTMLTextAreaElement>(asFake(containerEl).createEl('textarea', { attr: { spellcheck: 'false' } })));
	}
}

export class SearchComponent extends AbstractTextComponent<HTMLInputElement> implements O.SearchComponent {
	clearButtonEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		const wrapper = asFake(containerEl).createDiv('search-input-container');
		super(
			asDom<HTMLInputElement>(
				wrapper.createEl('input', { type: 'search', attr: { enterkeyhint: 'search', spellcheck: 'false' } }),
			),
		);
		const clear = wrapper.createDiv('search-input-clear-button');
		this.clearButtonEl = asDom(clear);
		clear.addEventListener('click', () => {
			this.setValue('');
			this.onChanged();
			return this._lastResult;
		});
		clear.hide();
	}

	override onChanged(): void {
		asFake(this.clearButtonEl).toggle(this.getValue() !== '');
		super.onChanged();
	}
}

export class MomentFormatComponent extends TextComponent implements O.MomentFormatComponent {
	sampleEl: HTMLElement;
	private defaultFormat = '';

	constructor(containerEl: HTMLElement) {
		super(containerEl);
		this.sampleEl = asDom(new FakeElement('span'));
	}

	setDefaultFormat(defaultFormat: string): this {
		this.defaultFormat = defaultFormat;
		this.setPlaceholder(defaultFormat);
		this.updateSample();
		return this;
	}

	setSampleEl(sampleEl: HTMLElement): this {
		this.sampleEl = sampleEl;
		this.updateSample();
		return this;
	}

	override setValue(value: string): this {
		super.setValue(value);
		this.updateSample();
		return this;
	}

	override onChanged(): void {
		this.updateSample();
		super.onChanged();
	}

	updateSample(): void {
		asFake(this.sampleEl).setText(momentLib().format(this.getValue() || this.defaultFormat));
	}
}

export class DropdownComponent extends ValueComponent<string> implements O.DropdownComponent {
	selectEl: HTMLSelectElement;
	private changeCallback: ((value: string) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		const select = asFake(containerEl).createEl('select', { cls: 'dropdown' });
		this.selectEl = asDom<HTMLSelectElement>(select);
		select.addEventListener('change', () =>
			this.changeCallback ? this.changeCallback(this.getValue()) : undefined,
		);
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		asFake(this.selectEl).disabled = disabled;
		return this;
	}

	addOption(value: string, display: string): this {
		asFake(this.selectEl).createEl('option', { value, text: display });
		return this;
	}

	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}

	getValue(): string {
		return asFake(this.selectEl).value;
	}

	/** Like a <select>: a value with no matching option selects nothing and getValue() returns ''. */
	setValue(value: string): this {
		asFake(this.selectEl).value = value;
		return this;
	}

	onChange(callback: (value: string) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

export class ToggleComponent extends ValueComponent<boolean> implements O.ToggleComponent {
	toggleEl: HTMLElement;
	private on = false;
	private readonly checkboxEl: FakeElement;
	private changeCallback: ((value: boolean) => unknown) | null = null;
	/** @internal */
	_lastResult: unknown;

	constructor(containerEl: HTMLElement) {
		super();
		const toggle = asFake(containerEl).createDiv('checkbox-container');
		this.checkboxEl = toggle.createEl('input', { type: 'checkbox', attr: { tabindex: 0 } });
		this.toggleEl = asDom(toggle);
		toggle.addEventListener('click', (evt) => {
			evt.preventDefault();
			this._lastResult = undefined;
			this.onClick();
			return this._lastResult;
		});
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		asFake(this.toggleEl).toggleClass('is-disabled', disabled);
		this.checkboxEl.disabled = disabled;
		return this;
	}

	getValue(): boolean {
		return this.on;
	}

	/** Calls the onChange callback when the value changes (Obsidian's behaviour for toggles). */
	setValue(on: boolean): this {
		const value = !!on;
		if (value !== this.on) {
			this.on = value;
			asFake(this.toggleEl).toggleClass('is-enabled', value);
			this.checkboxEl.checked = value;
			this._lastResult = this.changeCallback ? this.changeCallback(value) : undefined;
		}
		return this;
	}

	setTooltip(tooltip: string, options?: O.TooltipOptions): this {
		setTooltip(this.toggleEl, tooltip, options);
		return this;
	}

	onClick(): void {
		if (this.disabled) return;
		this.setValue(!this.on);
	}

	onChange(callback: (value: boolean) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

export class ButtonComponent extends BaseComponent implements O.ButtonComponent {
	buttonEl: HTMLButtonElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.buttonEl = asDom<HTMLButtonElement>(asFake(containerEl).createEl('button'));
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		asFake(this.buttonEl).disabled = disabled;
		return this;
	}

	setCta(): this {
		asFake(this.buttonEl).addClass('mod-cta');
		return this;
	}

	removeCta(): this {
		asFake(this.buttonEl).removeClass('mod-cta');
		return this;
	}

	setWarning(): this {
		asFake(this.buttonEl).addClass('mod-warning');
		return this;
	}

	setDestructive(): this {
		asFake(this.buttonEl).addClass('mod-destructive');
		return this;
	}

	removeDestructive(): this {
		asFake(this.buttonEl).removeClass('mod-destructive');
		return this;
	}

	setTooltip(tooltip: string, options?: O.TooltipOptions): this {
		setTooltip(this.buttonEl, tooltip, options);
		return this;
	}

	setButtonText(name: string): this {
		asFake(this.buttonEl).setText(name);
		return this;
	}

	setIcon(icon: string): this {
		setIcon(this.buttonEl, icon);
		return this;
	}

	setClass(cls: string): this {
		asFake(this.buttonEl).addClass(cls);
		return this;
	}

	onClick(callback: (evt: MouseEvent) => unknown): this {
		asFake(this.buttonEl).addEventListener('click', (evt) => callback(evt as unknown as MouseEvent));
		return this;
	}
}

export class ExtraButtonComponent extends BaseComponent implements O.ExtraButtonComponent {
	extraSettingsEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		super();
		const el = asFake(containerEl).createDiv('clickable-icon extra-setting-button');
		this.extraSettingsEl = asDom(el);
		setIcon(this.extraSettingsEl, 'settings');
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		asFake(this.extraSettingsEl).toggleClass('is-disabled', disabled);
		return this;
	}

	setTooltip(tooltip: string, options?: O.TooltipOptions): this {
		setTooltip(this.extraSettingsEl, tooltip, options);
		return this;
	}

	setIcon(icon: string): this {
		setIcon(this.extraSettingsEl, icon);
		return this;
	}

	/** The element is a div, so a disabled extra button ignores clicks itself. */
	onClick(callback: () => unknown): this {
		asFake(this.extraSettingsEl).addEventListener('click', () => (this.disabled ? undefined : callback()));
		return this;
	}
}

export class SliderComponent extends ValueComponent<number> implements O.SliderComponent {
	sliderEl: HTMLInputElement;
	private instant = false;
	private format: ((value: number) => string) | null = null;
	private changeCallback: ((value: number) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		const slider = asFake(containerEl).createEl('input', { cls: 'slider', type: 'range' });
		this.sliderEl = asDom<HTMLInputElement>(slider);
		slider.addEventListener('input', () =>
			this.instant && this.changeCallback ? this.changeCallback(this.getValue()) : undefined,
		);
		slider.addEventListener('change', () =>
			!this.instant && this.changeCallback ? this.changeCallback(this.getValue()) : undefined,
		);
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		asFake(this.sliderEl).disabled = disabled;
		return this;
	}

	setInstant(instant: boolean): this {
		this.instant = instant;
		return this;
	}

	setLimits(min: number | null, max: number | null, step: number | 'any'): this {
		const el = asFake(this.sliderEl);
		const value = el.value;
		if (min === null) el.removeAttribute('min');
		else el.setAttr('min', min);
		if (max === null) el.removeAttribute('max');
		else el.setAttr('max', max);
		el.setAttr('step', step);
		el.value = value;
		return this;
	}

	getValue(): number {
		return Number(asFake(this.sliderEl).value);
	}

	/** The range input clamps to its limits and snaps to its step, like the DOM. */
	setValue(value: number): this {
		asFake(this.sliderEl).value = String(value);
		return this;
	}

	getValuePretty(): string {
		const value = this.getValue();
		return this.format ? this.format(value) : String(value);
	}

	setDisplayFormat(format: (value: number) => string): this {
		this.format = format;
		return this;
	}

	setDynamicTooltip(): this {
		return this;
	}

	onChange(callback: (value: number) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

export class ProgressBarComponent extends ValueComponent<number> implements O.ProgressBarComponent {
	private value = 0;
	private readonly lineEl: FakeElement;

	constructor(containerEl: HTMLElement) {
		super();
		const bar = asFake(containerEl).createDiv('setting-progress-bar');
		this.lineEl = bar.createDiv('setting-progress-bar-inner');
	}

	getValue(): number {
		return this.value;
	}

	setValue(value: number): this {
		this.value = Math.max(0, Math.min(100, value));
		this.lineEl.setCssStyles({ width: `${this.value}%` });
		return this;
	}
}

export class ColorComponent extends ValueComponent<string> implements O.ColorComponent {
	colorPickerEl: HTMLInputElement;
	private changeCallback: ((value: string) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		const input = asFake(containerEl).createEl('input', { type: 'color' });
		input.value = '#000000';
		this.colorPickerEl = asDom<HTMLInputElement>(input);
		input.addEventListener('change', () =>
			this.changeCallback ? this.changeCallback(this.getValue()) : undefined,
		);
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		asFake(this.colorPickerEl).disabled = disabled;
		return this;
	}

	getValue(): string {
		return asFake(this.colorPickerEl).value.toLowerCase();
	}

	getValueRgb(): O.RGB {
		const hex = this.getValue().replace('#', '');
		return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
	}

	getValueHsl(): O.HSL {
		const { r, g, b } = this.getValueRgb();
		const [rr, gg, bb] = [r / 255, g / 255, b / 255];
		const max = Math.max(rr, gg, bb);
		const min = Math.min(rr, gg, bb);
		const l = (max + min) / 2;
		if (max === min) return { h: 0, s: 0, l };
		const d = max - min;
		const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
		let h = max === rr ? (gg - bb) / d + (gg < bb ? 6 : 0) : max === gg ? (bb - rr) / d + 2 : (rr - gg) / d + 4;
		h *= 60;
		return { h, s, l };
	}

	setValue(value: string): this {
		asFake(this.colorPickerEl).value = value;
		return this;
	}

	setValueRgb(rgb: O.RGB): this {
		const hex = [rgb.r, rgb.g, rgb.b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
		return this.setValue(`#${hex}`);
	}

	setValueHsl(hsl: O.HSL): this {
		const { h, s, l } = hsl;
		const k = (n: number) => (n + h / 30) % 12;
		const a = s * Math.min(l, 1 - l);
		const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
		return this.setValueRgb({ r: f(0) * 255, g: f(8) * 255, b: f(4) * 255 });
	}

	onChange(callback: (value: string) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

/**
 * Picks a secret from the app's SecretStorage; its value is the secret's NAME (id), never the secret.
 * The fake renders a <select> of the stored secret ids (plus the current value).
 */
export class SecretComponent extends BaseComponent implements O.SecretComponent {
	/** @internal */
	readonly selectEl: FakeElement;
	private changeCallback: ((value: string) => unknown) | null = null;

	constructor(
		private readonly app: O.App,
		containerEl: HTMLElement,
	) {
		super();
		this.selectEl = asFake(containerEl).createEl('select', { cls: 'dropdown secret-component' });
		this.refreshOptions('');
		this.selectEl.addEventListener('change', () =>
			this.changeCallback ? this.changeCallback(this.selectEl.value) : undefined,
		);
	}

	private refreshOptions(current: string): void {
		this.selectEl.empty();
		this.selectEl.createEl('option', { value: '', text: 'Select a secret…' });
		const ids = new Set(this.app.secretStorage.listSecrets());
		if (current) ids.add(current);
		for (const id of ids) this.selectEl.createEl('option', { value: id, text: id });
	}

	override setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.selectEl.disabled = disabled;
		return this;
	}

	setValue(value: string): this {
		this.refreshOptions(value);
		this.selectEl.value = value;
		return this;
	}

	/** Not part of Obsidian's API; for tests. */
	getValue(): string {
		return this.selectEl.value;
	}

	onChange(cb: (value: string) => unknown): this {
		this.changeCallback = cb;
		return this;
	}
}

export class DisplayValueComponent implements O.DisplayValueComponent {
	valueEl: HTMLElement;
	private readonly statusEl: FakeElement;

	constructor(containerEl: HTMLElement) {
		const wrapper = asFake(containerEl).createDiv('setting-display-value');
		this.valueEl = asDom(wrapper.createSpan('setting-display-value-text'));
		this.statusEl = wrapper.createSpan('setting-display-value-status');
	}

	setValue(value: string | null): this {
		asFake(this.valueEl).setText(value ?? '');
		return this;
	}

	setStatus(status: 'warning' | null): this {
		this.statusEl.toggleClass('mod-warning', status === 'warning');
		return this;
	}
}
