/**
 * Settings UI: Setting rows, SettingGroup, SettingTab/PluginSettingTab, and a renderer for the
 * declarative definitions of Obsidian 1.13 (getSettingDefinitions).
 *
 * Obsidian renders a tab from getSettingDefinitions() when it returns a non-empty array and calls
 * display() otherwise; testing.ts's `openSettingTab` does the same. Supported definitions: controls
 * (toggle, dropdown, text, textarea, number, slider, file, folder, color) with defaultValue, validate
 * and disabled; render; action; plain rows; groups and lists (heading, cls, extraButtons, emptyState,
 * onDelete, addItem); pages (a clickable row that renders the page in place). Group search filters and
 * drag-to-reorder are not modelled.
 */
import type * as O from 'obsidian';
import {
	BaseComponent,
	ButtonComponent,
	ColorComponent,
	DisplayValueComponent,
	DropdownComponent,
	ExtraButtonComponent,
	MomentFormatComponent,
	ProgressBarComponent,
	SearchComponent,
	SliderComponent,
	TextAreaComponent,
	TextComponent,
	ToggleComponent,
} from './components';
import { asDom, asFake, createFakeElement, FakeElement, FakeFragment } from './dom';
import { trackHandlerResult } from './registry';
import { setTooltip } from './util';

const settingByEl = new WeakMap<FakeElement, Setting>();

/** @internal The Setting whose settingEl this is. */
export function settingOfElement(el: FakeElement): Setting | undefined {
	return settingByEl.get(el);
}

export class Setting implements Omit<O.Setting, 'components'> {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: BaseComponent[] = [];
	errorEl: HTMLElement | null = null;

	constructor(containerEl: HTMLElement) {
		const setting = asFake(containerEl).createDiv('setting-item');
		const info = setting.createDiv('setting-item-info');
		this.settingEl = asDom(setting);
		this.infoEl = asDom(info);
		this.nameEl = asDom(info.createDiv('setting-item-name'));
		this.descEl = asDom(info.createDiv('setting-item-description'));
		this.controlEl = asDom(setting.createDiv('setting-item-control'));
		settingByEl.set(setting, this);
	}

	setName(name: string | DocumentFragment): this {
		asFake(this.nameEl).setText(name as string | FakeFragment);
		return this;
	}

	setDesc(desc: string | DocumentFragment): this {
		asFake(this.descEl).setText(desc as string | FakeFragment);
		return this;
	}

	setClass(cls: string): this {
		asFake(this.settingEl).addClass(cls);
		return this;
	}

	setTooltip(tooltip: string, options?: O.TooltipOptions): this {
		setTooltip(this.nameEl, tooltip, options);
		return this;
	}

	setHeading(): this {
		asFake(this.settingEl).addClass('setting-item-heading');
		return this;
	}

	setDisabled(disabled: boolean): this {
		asFake(this.settingEl).toggleClass('is-disabled', disabled);
		for (const c of this.components) c.setDisabled(disabled);
		return this;
	}

	setErrorMessage(message: string | null): this {
		const setting = asFake(this.settingEl);
		if (!message) {
			if (this.errorEl) asFake(this.errorEl).detach();
			this.errorEl = null;
			setting.removeClass('is-invalid');
			return this;
		}
		if (!this.errorEl) this.errorEl = asDom(asFake(this.infoEl).createDiv('setting-item-error'));
		asFake(this.errorEl).setText(message);
		setting.addClass('is-invalid');
		return this;
	}

	addDisplayValue(cb: (component: DisplayValueComponent) => unknown): this {
		cb(new DisplayValueComponent(this.controlEl));
		return this;
	}

	private add<T extends BaseComponent>(component: T, cb: (component: T) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}

	addButton(cb: (component: ButtonComponent) => unknown): this {
		return this.add(new ButtonComponent(this.controlEl), cb);
	}

	addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
		return this.add(new ExtraButtonComponent(this.controlEl), cb);
	}

	addToggle(cb: (component: ToggleComponent) => unknown): this {
		return this.add(new ToggleComponent(this.controlEl), cb);
	}

	addText(cb: (component: TextComponent) => unknown): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}

	addComponent<T extends O.BaseComponent>(cb: (el: HTMLElement) => T): this {
		this.components.push(cb(this.controlEl) as unknown as BaseComponent);
		return this;
	}

	addSearch(cb: (component: SearchComponent) => unknown): this {
		return this.add(new SearchComponent(this.controlEl), cb);
	}

	addTextArea(cb: (component: TextAreaComponent) => unknown): this {
		return this.add(new TextAreaComponent(this.controlEl), cb);
	}

	addMomentFormat(cb: (component: MomentFormatComponent) => unknown): this {
		return this.add(new MomentFormatComponent(this.controlEl), cb);
	}

	addDropdown(cb: (component: DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}

	addColorPicker(cb: (component: ColorComponent) => unknown): this {
		return this.add(new ColorComponent(this.controlEl), cb);
	}

	addProgressBar(cb: (component: ProgressBarComponent) => unknown): this {
		return this.add(new ProgressBarComponent(this.controlEl), cb);
	}

	addSlider(cb: (component: SliderComponent) => unknown): this {
		return this.add(new SliderComponent(this.controlEl), cb);
	}

	then(cb: (setting: this) => unknown): this {
		cb(this);
		return this;
	}

	clear(): this {
		asFake(this.controlEl).empty();
		this.components = [];
		return this;
	}
}

export class SettingGroup implements O.SettingGroup {
	listEl: HTMLElement;
	/** @internal */
	readonly groupEl: FakeElement;
	private readonly headerEl: FakeElement;

	constructor(containerEl: HTMLElement) {
		this.groupEl = asFake(containerEl).createDiv('setting-group');
		this.headerEl = this.groupEl.createDiv('setting-item setting-item-heading');
		this.headerEl.hide();
		this.listEl = asDom(this.groupEl.createDiv('setting-items'));
	}

	setHeading(text: string | DocumentFragment): this {
		this.headerEl.empty();
		this.headerEl.createDiv({ cls: 'setting-item-name', text: text as string });
		this.headerEl.show();
		return this;
	}

	addClass(...classes: string[]): this {
		this.groupEl.addClass(...classes);
		return this;
	}

	addSetting(cb: (setting: Setting) => void): this {
		cb(new Setting(this.listEl));
		return this;
	}

	addSearch(cb: (component: SearchComponent) => unknown): this {
		this.headerEl.show();
		cb(new SearchComponent(asDom(this.headerEl)));
		return this;
	}

	addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
		this.headerEl.show();
		cb(new ExtraButtonComponent(asDom(this.headerEl)));
		return this;
	}
}

export abstract class SettingTab implements O.SettingTab {
	icon = 'settings';
	app: O.App;
	containerEl: HTMLElement;
	settingItems: O.SettingDefinitionItem[] = [];
	/** @internal cleanups and DOM-state refreshers of the declarative rendering */
	_cleanups: (() => void)[] = [];
	_refreshers: (() => void)[] = [];

	constructor(app: O.App) {
		this.app = app;
		this.containerEl = asDom(createFakeElement('div', { cls: 'vertical-tab-content' }));
	}

	getSettingDefinitions(): O.SettingDefinitionItem[] {
		return [];
	}

	update(): void {
		this.settingItems = this.getSettingDefinitions();
	}

	getControlValue(key: string): unknown {
		return (this.app.vault as unknown as { getConfig(k: string): unknown }).getConfig(key);
	}

	setControlValue(key: string, value: unknown): void | Promise<void> {
		(this.app.vault as unknown as { setConfig(k: string, v: unknown): void }).setConfig(key, value);
	}

	refreshDomState(): void {
		for (const refresh of this._refreshers) refresh();
	}

	display(): void {}

	hide(): void {
		for (const cleanup of this._cleanups.splice(0)) cleanup();
		this._refreshers = [];
		asFake(this.containerEl).empty();
	}
}

export abstract class PluginSettingTab extends SettingTab implements O.PluginSettingTab {
	plugin: O.Plugin;

	constructor(app: O.App, plugin: O.Plugin) {
		super(app);
		this.plugin = plugin;
	}

	override getControlValue(key: string): unknown {
		return (this.plugin.settings as Record<string, unknown> | undefined)?.[key];
	}

	override setControlValue(key: string, value: unknown): void | Promise<void> {
		const settings = (this.plugin.settings ?? {}) as Record<string, unknown>;
		settings[key] = value;
		this.plugin.settings = settings;
		return this.plugin.saveData(settings);
	}
}

export abstract class SettingPage implements O.SettingPage {
	rootEl: HTMLElement;
	titlebarEl: HTMLElement;
	containerEl: HTMLElement;
	title = '';

	constructor() {
		const root = createFakeElement('div', { cls: 'setting-page' });
		this.rootEl = asDom(root);
		this.titlebarEl = asDom(root.createDiv('setting-page-titlebar'));
		this.containerEl = asDom(root.createDiv('setting-page-content'));
	}

	abstract display(): void;

	hide(): void {
		asFake(this.containerEl).empty();
	}
}

// ----- declarative rendering -----

function evaluate<T>(value: T | (() => T) | undefined, fallback: T): T {
	if (value === undefined) return fallback;
	return typeof value === 'function' ? (value as () => T)() : value;
}

function isGroup(item: O.SettingDefinitionItem): item is O.SettingDefinitionGroup | O.SettingDefinitionList {
	return 'type' in item && (item.type === 'group' || item.type === 'list');
}

function isPage(item: O.SettingDefinitionItem): item is O.SettingDefinitionPage {
	return 'type' in item && item.type === 'page';
}

/** Renders getSettingDefinitions() into the tab's containerEl, the way Obsidian 1.13 does. */
export function renderSettingDefinitions(
	tab: SettingTab,
	items: O.SettingDefinitionItem[],
	container: HTMLElement = tab.containerEl,
): void {
	// Consecutive top-level rows share one untitled group; groups and lists get their own.
	let loose: SettingGroup | null = null;
	items.forEach((item, index) => {
		if (isGroup(item)) {
			loose = null;
			renderItem(tab, item, null, index, container);
		} else {
			loose ??= new SettingGroup(container);
			renderItem(tab, item, loose, index, container);
		}
	});
}

function renderItem(
	tab: SettingTab,
	item: O.SettingDefinitionItem,
	parentGroup: SettingGroup | null,
	index: number,
	container: HTMLElement,
): void {
	if (isGroup(item)) {
		if (!evaluate(item.visible, true)) return;
		const sub = new SettingGroup(container);
		if (item.heading) sub.setHeading(item.heading);
		if (item.cls) sub.addClass(...item.cls.split(/\s+/).filter(Boolean));
		for (const extra of item.extraButtons ?? []) sub.addExtraButton(extra);
		const list = item.type === 'list' ? (item as O.SettingDefinitionList) : null;
		if (list?.addItem) {
			const addItem = list.addItem;
			sub.addExtraButton((btn) =>
				btn
					.setIcon('plus')
					.setTooltip(addItem.name)
					.onClick(() => addItem.action(btn.extraSettingsEl)),
			);
		}
		const children = item.items ?? [];
		if (children.length === 0 && list?.emptyState)
			asFake(sub.listEl).createDiv({ cls: 'setting-list-empty', text: list.emptyState as string });
		children.forEach((child, i) => {
			renderItem(tab, child, sub, i, sub.listEl);
			if (list?.onDelete) {
				const onDelete = list.onDelete;
				const rows = asFake(sub.listEl).children.filter((c) => c.hasClass('setting-item'));
				const row = rows[rows.length - 1];
				const setting = row ? settingByEl.get(row) : undefined;
				setting?.addExtraButton((btn) =>
					btn
						.setIcon('trash-2')
						.setTooltip('Delete')
						.onClick(() => onDelete(i)),
				);
			}
		});
		return;
	}
	if (isPage(item)) {
		if (!evaluate(item.visible, true)) return;
		const page = item;
		const group = parentGroup ?? new SettingGroup(container);
		const setting = new Setting(group.listEl).setName(page.name);
		if (page.desc) setting.setDesc(page.desc);
		const display = evaluate(page.displayValue, '');
		const status = evaluate(page.status, null);
		if (display || status) setting.addDisplayValue((d) => d.setValue(display).setStatus(status));
		const row = asFake(setting.settingEl);
		row.addClass('mod-navigable');
		row.addEventListener('click', () => {
			const target = asFake(tab.containerEl);
			for (const cleanup of tab._cleanups.splice(0)) cleanup();
			target.empty();
			target.createDiv({ cls: 'setting-page-title', text: page.name });
			if (page.page) {
				const sub = page.page();
				target.appendChild(asFake(sub.rootEl));
				sub.title = sub.title || page.name;
				sub.display();
			} else renderSettingDefinitions(tab, page.items ?? []);
		});
		return;
	}
	const def = item as O.SettingDefinition;
	if (!evaluate(def.visible, true)) return;
	const group = parentGroup ?? new SettingGroup(container);
	const setting = new Setting(group.listEl).setName(def.name);
	if (def.desc) setting.setDesc(def.desc);
	if ('render' in def && def.render) {
		const cleanup = def.render(setting, group as unknown as O.SettingGroup);
		if (typeof cleanup === 'function') tab._cleanups.push(cleanup);
		return;
	}
	if ('action' in def && def.action) {
		const action = def.action;
		const row = asFake(setting.settingEl);
		row.addClass('mod-clickable');
		const applyDisabled = () => row.toggleClass('is-disabled', evaluate(def.disabled, false));
		applyDisabled();
		tab._refreshers.push(applyDisabled);
		row.addEventListener('click', () =>
			row.hasClass('is-disabled') ? undefined : action(setting.settingEl, index),
		);
		return;
	}
	if ('control' in def && def.control) renderControl(tab, setting, def.control);
}

function renderControl(tab: SettingTab, setting: Setting, control: O.SettingControl): void {
	const read = () => {
		const value = tab.getControlValue(control.key);
		return value === undefined || value === null ? control.defaultValue : value;
	};
	const validate = control.validate as ((value: unknown) => string | void | Promise<string | void>) | undefined;
	const persist = async (value: unknown) => {
		const message = validate ? await validate(value) : undefined;
		setting.setErrorMessage(message || null);
		if (message) return;
		await tab.setControlValue(control.key, value);
	};
	const initial = read();
	switch (control.type) {
		case 'toggle':
			setting.addToggle((t) => t.setValue(initial === true).onChange(persist));
			break;
		case 'dropdown':
			setting.addDropdown((d) =>
				d
					.addOptions(control.options)
					.setValue(String(initial ?? ''))
					.onChange(persist),
			);
			break;
		case 'textarea':
			setting.addTextArea((t) => t.setValue(String(initial ?? '')).onChange(persist));
			break;
		case 'number':
			setting.addText((t) => {
				const el = asFake(t.inputEl);
				el.type = 'number';
				if (control.min !== undefined) el.setAttr('min', control.min);
				if (control.max !== undefined) el.setAttr('max', control.max);
				if (control.step !== undefined) el.setAttr('step', control.step);
				if (control.placeholder) t.setPlaceholder(control.placeholder);
				t.setValue(initial === undefined ? '' : String(initial)).onChange((v) => {
					const n = Number(v);
					return persist(v.trim() === '' || isNaN(n) ? (control.defaultValue ?? 0) : n);
				});
			});
			break;
		case 'slider':
			setting.addSlider((s) => {
				s.setLimits(control.min, control.max, control.step).setValue(Number(initial ?? control.min));
				if (control.displayFormat) s.setDisplayFormat(control.displayFormat);
				s.onChange(persist);
			});
			break;
		case 'color':
			setting.addColorPicker((c) => c.setValue(String(initial ?? '#000000')).onChange(persist));
			break;
		case 'text':
		case 'file':
		case 'folder':
		default: {
			const c = control as O.SettingTextControl | O.SettingFileControl | O.SettingFolderControl;
			setting.addText((t) => {
				if ('placeholder' in c && c.placeholder) t.setPlaceholder(c.placeholder);
				t.setValue(String(initial ?? '')).onChange(persist);
			});
		}
	}
	const applyDisabled = () => setting.setDisabled(evaluate(control.disabled, false));
	applyDisabled();
	tab._refreshers.push(applyDisabled);
	if (validate && initial !== undefined) {
		trackHandlerResult(
			Promise.resolve(validate(initial)).then((message) => {
				setting.setErrorMessage(message || null);
			}),
			'setting validate',
		);
	}
}
