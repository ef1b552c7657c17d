/**
 * Test-only helpers for the fake Obsidian. They are typed with the real `obsidian` types (App, Editor,
 * Setting, ...) so tests and plugin code type-check against Obsidian's API, while everything at runtime
 * is the fake. Import them from 'test/fakes/obsidian/testing' (or the same names from the fake's index).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as O from 'obsidian';
import { App } from './app';
import {
	BaseComponent,
	ColorComponent,
	DropdownComponent,
	SecretComponent,
	SliderComponent,
	ToggleComponent,
	AbstractTextComponent,
	ButtonComponent,
	ExtraButtonComponent,
} from './components';
import { asFake, createEvent, FakeElement, getFakeDocument } from './dom';
import { dispatchWindowEvent, installGlobals } from './globals';
import { Menu } from './menu';
import { Modal, pressKeyInModal, SuggestModal } from './modal';
import type { Plugin } from './plugin';
import {
	collectHandlerResults,
	settlePendingHandlers,
	state,
	trackHandlerResult,
	type NoticeRecord,
	type UncaughtRecord,
} from './registry';
import { clearRequestUrlLog, requestUrlLog, setRequestUrlRoutes } from './requestUrl';
import { renderSettingDefinitions, Setting, settingOfElement, type SettingTab } from './settings';
import { suggestOfInput } from './suggest';

import { setLanguageForTests } from './util';
import type { VaultConfig } from './vault';
import { MarkdownView } from './views';

export { requestUrlLog, setRequestUrlRoutes, clearRequestUrlLog, dispatchWindowEvent };
export type { NoticeRecord, UncaughtRecord, VaultConfig };
export type { RequestUrlLogEntry } from './requestUrl';

installGlobals();

const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realSetImmediate = globalThis.setImmediate;

function repoManifestId(): string {
	try {
		const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../manifest.json'), 'utf8')) as {
			id?: string;
		};
		return manifest.id ?? 'youtube-digest';
	} catch {
		return 'youtube-digest';
	}
}

/** The fake behind an `obsidian` App (for helpers that need the fake's internals). */
export function fakeApp(app: O.App): App {
	if (!(app instanceof App)) throw new TypeError('Expected an App created by createTestApp');
	return app;
}

// ----- app -----

export interface TestAppOptions {
	/** Vault files by path (parent folders are created). Strings are text, ArrayBuffers/Uint8Arrays binary. */
	files?: Record<string, string | ArrayBuffer | Uint8Array>;
	/** Extra (empty) folders. */
	folders?: string[];
	/** Secrets in app.secretStorage. */
	secrets?: Record<string, string>;
	/** The plugin's data.json (written to `.obsidian/plugins/<pluginId>/data.json`). */
	data?: unknown;
	/** Plugin id for `data` (default: the repository manifest's id). */
	pluginId?: string;
	/** User settings read through vault.getConfig (link format, new file location, trash, ...). */
	config?: Partial<VaultConfig>;
	/** Files under dot-folders (config dir, .trash), which live in the adapter only. */
	adapterFiles?: Record<string, string>;
	/** Values for app.loadLocalStorage. */
	localStorage?: Record<string, unknown>;
	vaultName?: string;
}

/**
 * A fresh App with a seeded vault. The seed notes are indexed before it returns, so getFileCache works
 * immediately for them (as for the notes of a vault Obsidian has finished loading).
 */
export function createTestApp(options: TestAppOptions = {}): O.App {
	const app = new App({ vaultName: options.vaultName });
	const vault = app.fakeVault;
	Object.assign(vault.config, options.config ?? {});
	for (const folder of options.folders ?? []) vault.fakeAdapter.mkdirSync(folder);
	for (const [p, content] of Object.entries(options.files ?? {})) {
		const slash = p.lastIndexOf('/');
		if (slash > 0) vault.fakeAdapter.mkdirSync(p.slice(0, slash));
		const data =
			typeof content === 'string'
				? content
				: new Uint8Array(
						content instanceof ArrayBuffer
							? content
							: content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength),
					);
		vault.createFileSync(p, data);
	}
	for (const [p, content] of Object.entries(options.adapterFiles ?? {})) {
		const slash = p.lastIndexOf('/');
		if (slash > 0) vault.fakeAdapter.mkdirSync(p.slice(0, slash));
		vault.fakeAdapter.writeSync(p, content);
	}
	for (const [id, secret] of Object.entries(options.secrets ?? {})) app.secretStorage.setSecret(id, secret);
	for (const [key, value] of Object.entries(options.localStorage ?? {})) app.saveLocalStorage(key, value);
	const pluginId = options.pluginId ?? repoManifestId();
	vault.fakeAdapter.mkdirSync(`${vault.configDir}/plugins/${pluginId}`);
	if (options.data !== undefined)
		vault.fakeAdapter.writeSync(
			`${vault.configDir}/plugins/${pluginId}/data.json`,
			JSON.stringify(options.data, null, 2),
		);
	app.fakeMetadataCache.flush();
	return app as unknown as O.App;
}

/** Text of a vault file by path (throws if missing). */
export function fileText(app: O.App, filePath: string): string {
	const file = app.vault.getFileByPath(filePath);
	if (!file)
		throw new Error(
			`No file at ${filePath}. Files: ${app.vault
				.getFiles()
				.map((f) => f.path)
				.join(', ')}`,
		);
	return fakeApp(app).fakeVault.readTextSync(file);
}

/** Every text file of the vault, path -> content (handy for whole-vault assertions). */
export function vaultSnapshot(app: O.App): Record<string, string> {
	const out: Record<string, string> = {};
	for (const file of app.vault.getFiles()) out[file.path] = fakeApp(app).fakeVault.readTextSync(file);
	return out;
}

/** Waits until the metadata cache has indexed every write so far ('resolved' has fired). */
export function waitForMetadata(app: O.App): Promise<void> {
	return fakeApp(app).fakeMetadataCache.whenIdle();
}

// ----- editor -----

export interface OpenInEditorOptions {
	/** Cursor position, or an offset into the text. */
	cursor?: O.EditorPosition | number;
	/** Selection as positions or offsets. */
	selection?: { anchor: O.EditorPosition | number; head: O.EditorPosition | number };
	/** Open in a new tab instead of the active one. */
	newLeaf?: boolean;
	/** 'source' (editing, default) or 'preview' (reading: editor commands are unavailable). */
	mode?: O.MarkdownViewModeType;
}

/** Opens a note in the active leaf (or a new one) as the active MarkdownView and places the cursor. */
export async function openInEditor(
	app: O.App,
	filePath: string,
	options: OpenInEditorOptions = {},
): Promise<O.MarkdownView> {
	const file = app.vault.getFileByPath(filePath);
	if (!file) throw new Error(`openInEditor: no file at ${filePath}`);
	const leaf = app.workspace.getLeaf(options.newLeaf ?? false);
	await leaf.openFile(file, { active: true });
	const view = leaf.view as unknown as MarkdownView;
	if (!(view instanceof MarkdownView)) throw new Error(`openInEditor: ${filePath} did not open in a MarkdownView`);
	const editor = view.editor;
	const pos = (p: O.EditorPosition | number) => (typeof p === 'number' ? editor.offsetToPos(p) : p);
	if (options.selection) editor.setSelection(pos(options.selection.anchor), pos(options.selection.head));
	else if (options.cursor !== undefined) editor.setCursor(pos(options.cursor));
	if (options.mode) view.setMode(options.mode);
	return view as unknown as O.MarkdownView;
}

/** Switches a Markdown view between editing ('source') and reading ('preview') mode. */
export function setViewMode(view: O.MarkdownView, mode: O.MarkdownViewModeType): void {
	(view as unknown as MarkdownView).setMode(mode);
}

/** The active editor, or null when no Markdown note is active. */
export function activeEditor(app: O.App): O.Editor | null {
	return app.workspace.activeEditor?.editor ?? null;
}

// ----- commands -----

/** Full ids of the registered commands. */
export function commandIds(app: O.App): string[] {
	return Object.keys(fakeApp(app).commands.commands);
}

/**
 * Runs a command as Obsidian's palette/hotkey would (see CommandRegistry.execute) and awaits the
 * promise its callback returned, if any. `id` may be the full `plugin-id:command-id` or just the
 * command id when exactly one plugin command has it. Throws when the command is unknown or not
 * available right now (its check callback returned false, or it needs an editor and none is active in
 * editing mode); a callback that throws or rejects fails the call too.
 */
export async function runCommand(app: O.App, id: string): Promise<void> {
	const registry = fakeApp(app).commands;
	let command = registry.findCommand(id);
	if (!command) {
		const matches = Object.keys(registry.commands).filter((full) => full.endsWith(`:${id}`));
		if (matches.length === 1) command = registry.findCommand(matches[0]);
		else if (matches.length > 1) throw new Error(`Ambiguous command id "${id}": ${matches.join(', ')}`);
	}
	if (!command) throw new Error(`Unknown command "${id}". Registered: ${commandIds(app).join(', ') || '(none)'}`);
	const [ran, result] = registry.execute(command);
	if (!ran)
		throw new Error(
			`Command "${command.id}" is not available right now (its check failed or it needs an active editor)`,
		);
	await result;
}

// ----- async -----

export interface WaitForOptions {
	timeoutMs?: number;
	intervalMs?: number;
	/** Included in the timeout error. */
	message?: string;
}

/**
 * Polls `predicate` (sync or async) until it returns a truthy value, which is returned. On timeout it
 * throws, quoting the last error thrown by the predicate and the last notices shown. Uses the real
 * setTimeout, so it works under Jest fake timers only if you advance them yourself.
 */
export async function waitFor<T>(
	predicate: () => T | Promise<T>,
	options: WaitForOptions | number = {},
): Promise<NonNullable<T>> {
	const opts = typeof options === 'number' ? { timeoutMs: options } : options;
	const timeout = opts.timeoutMs ?? 5000;
	const interval = opts.intervalMs ?? 5;
	const start = Date.now();
	let lastError: unknown;
	for (;;) {
		try {
			const value = await predicate();
			if (value) return value as NonNullable<T>;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() - start > timeout) {
			const recent = state.notices.slice(-3).map((n) => JSON.stringify(n.message));
			throw new Error(
				`waitFor timed out after ${timeout} ms${opts.message ? ` (${opts.message})` : ''}` +
					(lastError ? `; last error: ${(lastError as Error).message ?? String(lastError)}` : '') +
					(recent.length ? `; last notices: ${recent.join(', ')}` : ''),
			);
		}
		await new Promise((resolve) => realSetTimeout(resolve, interval));
	}
}

/**
 * Lets started work finish: awaits promises returned by UI handlers (clicks, menu items, modal
 * callbacks), pending metadata indexing, and a few macrotask turns. Work a command starts without
 * returning its promise (e.g. `void this.run()`) is not tracked: use waitFor for that. Throws if the
 * tracked work has not settled within `timeoutMs` (default 5000).
 */
export async function flush(app?: O.App, options: { timeoutMs?: number } = {}): Promise<void> {
	const work = (async () => {
		for (let i = 0; i < 3; i++) {
			await settlePendingHandlers();
			if (app) await waitForMetadata(app);
			await new Promise((resolve) => realSetImmediate(resolve));
		}
	})();
	const timeoutMs = options.timeoutMs ?? 5000;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = realSetTimeout(
			() => reject(new Error(`flush: UI handler promises still pending after ${timeoutMs} ms`)),
			timeoutMs,
		);
	});
	try {
		await Promise.race([work, timeout]);
	} finally {
		realClearTimeout(timer);
	}
}

/** Alias of flush. */
export const settle = flush;

// ----- notices -----

/** Every notice shown since the last reset, oldest first. */
export function notices(): NoticeRecord[] {
	return [...state.notices];
}

export function lastNotice(): NoticeRecord | undefined {
	return state.notices[state.notices.length - 1];
}

// ----- errors Obsidian would only log -----

export function uncaughtErrors(): UncaughtRecord[] {
	return [...state.uncaught];
}

// ----- DOM interaction -----

function el(target: unknown): FakeElement {
	return asFake(target);
}

/** Clicks an element (as the user would) and awaits what the click handlers returned. */
export async function click(target: HTMLElement): Promise<void> {
	await collectHandlerResults(() => el(target).click());
}

/** Types into an input/textarea: sets its value and fires 'input' (and 'change' when `commit`). */
export async function typeInto(
	input: HTMLInputElement | HTMLTextAreaElement | HTMLElement,
	text: string,
	options: { commit?: boolean } = {},
): Promise<void> {
	const field = el(input);
	await collectHandlerResults(() => {
		field.value = text;
		field.dispatchEvent(createEvent('input'));
		if (options.commit) field.dispatchEvent(createEvent('change'));
	});
}

/** Clicks the button (or clickable element) labelled `text` (text or aria-label) inside `root`. */
export async function clickButton(root: HTMLElement, text: string | RegExp): Promise<void> {
	const match = (t: string | null) => t !== null && (typeof text === 'string' ? t.trim() === text : text.test(t));
	const candidates = el(root).querySelectorAll('button, .clickable-icon, .mod-clickable, a');
	const target = candidates.find((c) => match(c.textContent) || match(c.getAttribute('aria-label')));
	if (!target) {
		const labels = candidates.map((c) => c.textContent.trim() || c.getAttribute('aria-label') || c.localName);
		throw new Error(`No button "${String(text)}". Buttons: ${labels.join(' | ') || '(none)'}`);
	}
	if (target.localName === 'button' && target.disabled) throw new Error(`Button "${String(text)}" is disabled`);
	await click(target as unknown as HTMLElement);
}

// ----- settings -----

/** Names of the Setting rows under `root`, in order. */
export function settingNames(root: HTMLElement): string[] {
	return el(root)
		.querySelectorAll('.setting-item')
		.filter((e) => settingOfElement(e))
		.map((e) => (settingOfElement(e) as Setting).nameEl.textContent?.trim() ?? '');
}

/** The Setting row named `name` (exact text, or RegExp) under `root`. */
export function findSetting(root: HTMLElement, name: string | RegExp): O.Setting {
	const match = (t: string) => (typeof name === 'string' ? t === name : name.test(t));
	for (const row of el(root).querySelectorAll('.setting-item')) {
		const setting = settingOfElement(row);
		if (setting && match((setting.nameEl.textContent ?? '').trim())) return setting as unknown as O.Setting;
	}
	throw new Error(`No setting named "${String(name)}". Settings: ${settingNames(root).join(' | ') || '(none)'}`);
}

type ValueTarget = O.Setting | O.BaseComponent | O.SecretComponent;

function valueComponent(target: ValueTarget): BaseComponent {
	if (target instanceof Setting) {
		const c = target.components.find(
			(x) => !(x instanceof ButtonComponent) && !(x instanceof ExtraButtonComponent),
		);
		if (!c) throw new Error(`Setting "${target.nameEl.textContent ?? ''}" has no value control`);
		return c;
	}
	return target as unknown as BaseComponent;
}

/**
 * Changes a control's value as a user would, firing the DOM events Obsidian listens to, and awaits the
 * onChange callback's promise. Accepts a component or a Setting (its first value control).
 * Dropdowns throw for a value that is not one of their options; disabled controls throw.
 */
export async function changeValue(target: ValueTarget, value: string | number | boolean): Promise<void> {
	const component = valueComponent(target);
	if (component.disabled) throw new Error('changeValue: the control is disabled');
	if (component instanceof ToggleComponent) {
		if (component.getValue() !== Boolean(value)) await click(component.toggleEl);
		return;
	}
	if (component instanceof AbstractTextComponent) {
		await typeInto(component.inputEl, String(value));
		return;
	}
	if (component instanceof DropdownComponent || component instanceof SecretComponent) {
		const select = component instanceof SecretComponent ? component.selectEl : el(component.selectEl);
		if (component instanceof SecretComponent && !select.options.some((o) => o.value === String(value)))
			select.createEl('option', { value: String(value), text: String(value) });
		const options = select.options.map((o) => o.value);
		if (!options.includes(String(value)))
			throw new Error(`changeValue: "${String(value)}" is not an option (${options.join(', ')})`);
		await collectHandlerResults(() => {
			select.value = String(value);
			select.dispatchEvent(createEvent('input'));
			select.dispatchEvent(createEvent('change'));
		});
		return;
	}
	if (component instanceof SliderComponent || component instanceof ColorComponent) {
		const input = el(component instanceof SliderComponent ? component.sliderEl : component.colorPickerEl);
		await collectHandlerResults(() => {
			input.value = String(value);
			input.dispatchEvent(createEvent('input'));
			input.dispatchEvent(createEvent('change'));
		});
		return;
	}
	throw new Error(`changeValue: unsupported component ${component.constructor.name}`);
}

/** Current value of a control (or of a Setting's first value control). */
export function getValue(target: ValueTarget): string | number | boolean {
	const component = valueComponent(target) as unknown as { getValue?: () => string | number | boolean };
	if (typeof component.getValue !== 'function') throw new Error('getValue: this control has no value');
	return component.getValue();
}

function settingTabOf(app: O.App, pluginId?: string): SettingTab {
	const registry = fakeApp(app).setting;
	const tab = pluginId ? registry.tabOf(pluginId) : registry.pluginTabs[registry.pluginTabs.length - 1];
	if (!tab) throw new Error(`No setting tab registered${pluginId ? ` by ${pluginId}` : ''}`);
	return tab;
}

/**
 * Opens a plugin's settings tab as Obsidian's settings modal does: renders getSettingDefinitions()
 * when it returns items, otherwise calls display(). Returns the tab's containerEl.
 */
export async function openSettingTab(app: O.App, pluginId?: string): Promise<HTMLElement> {
	const tab = settingTabOf(app, pluginId);
	tab.hide();
	await collectHandlerResults(() => {
		tab.update();
		if (tab.settingItems.length > 0) renderSettingDefinitions(tab, tab.settingItems);
		else tab.display();
	});
	return tab.containerEl;
}

// ----- suggestions under an input (AbstractInputSuggest) -----

function inputSuggest(input: HTMLElement) {
	const suggest = suggestOfInput(input);
	if (!suggest) throw new Error('No AbstractInputSuggest is attached to this input');
	return suggest;
}

/** The input of a Setting's first text field, where suggestions are attached. */
export function textInputOf(setting: O.Setting): HTMLInputElement {
	const component = valueComponent(setting);
	if (!(component instanceof AbstractTextComponent)) throw new Error('The setting has no text field');
	return component.inputEl as HTMLInputElement;
}

/** Types `query` into an input as the user would and returns the texts of the suggestions shown under it. */
export async function inputSuggestionTexts(input: HTMLElement, query: string): Promise<string[]> {
	const suggest = inputSuggest(input);
	await typeInto(input, query);
	await suggest._updating;
	return suggest._isOpen ? suggest._rendered.map((r) => asFake(r.el).textContent) : [];
}

/** Clicks the shown suggestion whose text is `text` (exact string or RegExp) and awaits the onSelect callback. */
export async function chooseInputSuggestion(input: HTMLElement, text: string | RegExp): Promise<void> {
	const suggest = inputSuggest(input);
	await suggest._updating;
	const match = (t: string) => (typeof text === 'string' ? t === text : text.test(t));
	const found = suggest._isOpen ? suggest._rendered.find((r) => match(asFake(r.el).textContent)) : undefined;
	if (!found) throw new Error(`No suggestion "${String(text)}" is shown`);
	await click(found.el);
}

// ----- modals -----

export function openModals(): O.Modal[] {
	return [...state.openModals] as O.Modal[];
}

/** The most recently opened modal that is still open. */
export function lastModal(): O.Modal | undefined {
	return state.openModals[state.openModals.length - 1] as O.Modal | undefined;
}

function topModal(modal?: O.Modal): Modal {
	const m = (modal ?? lastModal()) as unknown as Modal | undefined;
	if (!m) throw new Error('No modal is open');
	return m;
}

function topSuggestModal(modal?: O.Modal): SuggestModal<unknown> {
	const m = topModal(modal);
	if (!(m instanceof SuggestModal)) throw new Error(`The open modal (${m.constructor.name}) is not a SuggestModal`);
	return m;
}

/** Texts of the suggestions an open SuggestModal shows (after typing `query`, if given). */
export async function suggestionTexts(options: { query?: string; modal?: O.Modal } = {}): Promise<string[]> {
	const m = topSuggestModal(options.modal);
	if (options.query !== undefined) await typeInto(m.inputEl, options.query);
	await m._updating;
	return m._rendered.map((r) => (r.el as unknown as FakeElement).textContent);
}

/**
 * Picks a suggestion in the open SuggestModal/FuzzySuggestModal like a click: by displayed text (exact
 * string or RegExp), by index, or by a predicate on the text and the suggestion value. Optionally types
 * `query` first. Awaits the choose callback.
 */
export async function chooseSuggestion(
	match: string | RegExp | number | ((text: string, value: unknown) => boolean),
	options: { query?: string; modal?: O.Modal } = {},
): Promise<void> {
	const texts = await suggestionTexts(options);
	const m = topSuggestModal(options.modal);
	const index =
		typeof match === 'number'
			? match
			: typeof match === 'string'
				? texts.findIndex((t) => t.trim() === match)
				: match instanceof RegExp
					? texts.findIndex((t) => match.test(t))
					: m._rendered.findIndex((r, i) => match(texts[i], r.value));
	const chosen = m._rendered[index];
	if (!chosen)
		throw new Error(`No suggestion matching ${String(match)}. Suggestions: ${texts.join(' | ') || '(none)'}`);
	await click(chosen.el);
}

/**
 * Types into the open modal's text field (the SuggestModal input, or the first input/textarea of its
 * content, or `selector`), then with `submit` presses Enter (keydown on the field, then the modal's
 * scope handlers, e.g. SuggestModal's "choose highlighted").
 */
export async function typeIntoModal(
	text: string,
	options: { submit?: boolean; modal?: O.Modal; selector?: string } = {},
): Promise<void> {
	const m = topModal(options.modal);
	const field =
		m instanceof SuggestModal && !options.selector
			? el(m.inputEl)
			: el(m.modalEl).querySelector(
					options.selector ?? 'input:not([type="checkbox"]):not([type="range"]), textarea',
				);
	if (!field) throw new Error('typeIntoModal: the modal has no text field');
	field.focus();
	await typeInto(field as unknown as HTMLInputElement, text);
	if (m instanceof SuggestModal) await m._updating;
	if (options.submit) await pressKey('Enter', { modal: m as unknown as O.Modal });
}

/** Presses a key in the open modal: keydown on its focused element, then its scope handlers. */
export async function pressKey(
	key: string,
	options: { modal?: O.Modal; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean } = {},
): Promise<boolean> {
	const m = topModal(options.modal);
	let handled = false;
	await collectHandlerResults(() => {
		handled = pressKeyInModal(m, key, options);
	});
	return handled;
}

export function closeAllModals(): void {
	for (const m of [...state.openModals].reverse()) (m as Modal).close();
}

// ----- input suggest -----

// ----- menus, ribbon, status bar -----

/** Opens the file context menu for `file` (workspace 'file-menu') and returns the menu, shown. */
export function triggerFileMenu(app: O.App, file: O.TAbstractFile, source = 'file-explorer-context-menu'): O.Menu {
	const menu = new Menu();
	app.workspace.trigger('file-menu', menu, file, source, undefined);
	menu.showAtPosition({ x: 0, y: 0 });
	return menu as unknown as O.Menu;
}

/** Opens the editor context menu of the active Markdown editor (workspace 'editor-menu'). */
export function triggerEditorMenu(app: O.App): O.Menu {
	const info = app.workspace.activeEditor;
	if (!info?.editor) throw new Error('triggerEditorMenu: no active editor');
	const menu = new Menu();
	app.workspace.trigger('editor-menu', menu, info.editor, info);
	menu.showAtPosition({ x: 0, y: 0 });
	return menu as unknown as O.Menu;
}

export function lastMenu(): O.Menu | undefined {
	return state.shownMenus[state.shownMenus.length - 1] as O.Menu | undefined;
}

export function menuItemTitles(menu: O.Menu): string[] {
	return (menu as unknown as Menu).menuItems.map((i) => i.title);
}

/** Clicks a menu item by title: hides the menu, runs the item's callback and awaits its promise. */
export async function clickMenuItem(menu: O.Menu, title: string | RegExp): Promise<void> {
	const m = menu as unknown as Menu;
	const item = m.menuItems.find((i) => (typeof title === 'string' ? i.title === title : title.test(i.title)));
	if (!item)
		throw new Error(`No menu item "${String(title)}". Items: ${menuItemTitles(menu).join(' | ') || '(none)'}`);
	if (item.disabled) throw new Error(`Menu item "${item.title}" is disabled`);
	m.hide();
	const evt = createEvent('click') as unknown as MouseEvent;
	await collectHandlerResults(() => trackHandlerResult(item.callback?.(evt), `menu item "${item.title}"`));
}

/**
 * Opens an `obsidian://action?key=value` URI as Obsidian does: the registered handler for the action gets
 * the decoded parameters plus `action`, and its promise is awaited. Throws when no handler has the action.
 */
export async function openObsidianUri(app: O.App, uri: string): Promise<void> {
	const url = new URL(uri);
	if (url.protocol !== 'obsidian:') throw new Error(`openObsidianUri: not an obsidian:// URI: ${uri}`);
	const action = url.hostname || url.pathname.replace(/^\/+/, '');
	const handler = fakeApp(app).protocolHandlers.get(action);
	if (!handler) throw new Error(`openObsidianUri: no handler registered for "${action}"`);
	const params: O.ObsidianProtocolData = { action };
	for (const [key, value] of url.searchParams) params[key] = value;
	await collectHandlerResults(() => trackHandlerResult(handler(params), `protocol handler "${action}"`));
}

// ----- misc -----

/** Changes what getLanguage() returns (default 'en'). */
export function setLanguage(code: string): void {
	setLanguageForTests(code);
}

/**
 * Resets the process-wide state between tests: closes modals and menus, clears notices, the
 * requestUrl routes and log, and recorded uncaught errors. (Apps are per test: create a new one.)
 */
export function resetFakeObsidian(): void {
	closeAllModals();
	for (const m of [...state.shownMenus]) (m as Menu).hide();
	state.notices.length = 0;
	state.uncaught.length = 0;
	setRequestUrlRoutes({});
	clearRequestUrlLog();
	getFakeDocument().body.empty();
	setLanguageForTests('en');
}

/** The loaded plugin instance of an app by id. */
export function getPlugin(app: O.App, id: string): O.Plugin | null {
	return fakeApp(app).plugins.getPlugin(id);
}

/** @internal used by loadBuiltPlugin */
export function registerLoadedPlugin(app: O.App, plugin: Plugin): void {
	const a = fakeApp(app);
	a.plugins.plugins[plugin.manifest.id] = plugin as unknown as O.Plugin;
	a.plugins.manifests[plugin.manifest.id] = plugin.manifest;
	a.plugins.enabledPlugins.add(plugin.manifest.id);
}

/** @internal used by loadBuiltPlugin */
export function unregisterLoadedPlugin(app: O.App, id: string): void {
	const a = fakeApp(app);
	delete a.plugins.plugins[id];
	a.plugins.enabledPlugins.delete(id);
}
