/**
 * Views: View, ItemView, FileView, TextFileView and MarkdownView.
 *
 * A MarkdownView's editor and its file are linked as in Obsidian: every editor change is saved to the
 * vault (synchronously here; Obsidian debounces for ~2 s, so `vault.read` right after an edit returns
 * the new text in the fake but possibly the old one in Obsidian), and when the file changes through the
 * vault (modify/process/processFrontMatter/adapter.write) the editor buffer follows, cursors mapped
 * through the change.
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { Component } from './component';
import { asDom, createFakeElement, FakeElement } from './dom';
import { BufferEditor } from './editor';
import type { Vault } from './vault';

/** What views need from their leaf (implemented by WorkspaceLeaf). */
export interface LeafLike {
	app: O.App;
	_vault: Vault;
	_editorChanged(view: MarkdownView): void;
}

export abstract class View extends Component implements Faithful<Omit<O.View, 'leaf' | 'onOpen' | 'onClose'>> {
	app: O.App;
	icon = '';
	navigation = false;
	leaf: O.WorkspaceLeaf;
	containerEl: HTMLElement;
	scope: O.Scope | null = null;

	constructor(leaf: O.WorkspaceLeaf) {
		super();
		this.leaf = leaf;
		this.app = (leaf as unknown as LeafLike).app;
		this.containerEl = asDom(createFakeElement('div', { cls: 'workspace-leaf-content' }));
	}

	protected async onOpen(): Promise<void> {}

	protected async onClose(): Promise<void> {}

	/** @internal Called by the leaf: load, then onOpen (like Obsidian's leaf.open). */
	async _open(): Promise<void> {
		this.load();
		await this.onOpen();
	}

	/** @internal Called by the leaf when the view is replaced or the leaf detached. */
	async _close(): Promise<void> {
		await this.onClose();
		this.unload();
	}

	abstract getViewType(): string;

	getState(): Record<string, unknown> {
		return {};
	}

	async setState(_state: unknown, _result: O.ViewStateResult): Promise<void> {}

	getEphemeralState(): Record<string, unknown> {
		return {};
	}

	setEphemeralState(_state: unknown): void {}

	getIcon(): string {
		return this.icon;
	}

	onResize(): void {}

	abstract getDisplayText(): string;
}

export abstract class ItemView extends View implements Faithful<Omit<O.ItemView, 'leaf' | 'onOpen' | 'onClose'>> {
	contentEl: HTMLElement;

	constructor(leaf: O.WorkspaceLeaf) {
		super(leaf);
		const container = this.containerEl as unknown as FakeElement;
		const header = container.createDiv('view-header');
		header.createDiv('view-actions');
		this.contentEl = asDom(container.createDiv('view-content'));
	}
}

export abstract class FileView
	extends ItemView
	implements Faithful<Omit<O.FileView, 'leaf' | 'onOpen' | 'onClose' | 'file'>>
{
	allowNoFile = false;
	file: O.TFile | null = null;
	override navigation = true;

	getDisplayText(): string {
		return this.file ? this.file.basename : 'No file';
	}

	override onload(): void {}

	override getState(): Record<string, unknown> {
		return this.file ? { file: this.file.path } : {};
	}

	override async setState(state: unknown, result: O.ViewStateResult): Promise<void> {
		const path = (state as { file?: unknown } | null)?.file;
		if (typeof path === 'string') {
			const file = (this.leaf as unknown as LeafLike)._vault.getFileByPath(path);
			if (file && file !== this.file) await this.loadFile(file);
		}
		await super.setState(state, result);
	}

	/** @internal Unloads the current file and loads another. */
	async loadFile(file: O.TFile): Promise<void> {
		if (this.file) await this.onUnloadFile(this.file);
		await this.onLoadFile(file);
	}

	async onLoadFile(file: O.TFile): Promise<void> {
		this.file = file;
	}

	async onUnloadFile(_file: O.TFile): Promise<void> {
		this.file = null;
	}

	async onRename(_file: O.TFile): Promise<void> {}

	canAcceptExtension(_extension: string): boolean {
		return false;
	}
}

export abstract class EditableFileView extends FileView {}

export abstract class TextFileView
	extends EditableFileView
	implements Faithful<Omit<O.TextFileView, 'leaf' | 'onOpen' | 'onClose' | 'file'>>
{
	data = '';
	/** Obsidian debounces by 2 s; the fake saves right away. */
	requestSave: () => void = () => {
		void this.save();
	};

	override async onLoadFile(file: O.TFile): Promise<void> {
		await super.onLoadFile(file);
		this.data = await (this.leaf as unknown as LeafLike)._vault.read(file);
		this.setViewData(this.data, true);
	}

	override async onUnloadFile(file: O.TFile): Promise<void> {
		await this.save();
		await super.onUnloadFile(file);
	}

	async save(clear?: boolean): Promise<void> {
		this.saveSync();
		if (clear) this.clear();
	}

	/** @internal */
	saveSync(): void {
		const file = this.file;
		if (!file) return;
		const vault = (this.leaf as unknown as LeafLike)._vault;
		if (vault.getAbstractFileByPath(file.path) !== file) return;
		const next = this.getViewData();
		this.data = next;
		if (vault.readTextSync(file) !== next) vault.writeSync(file, next);
	}

	abstract getViewData(): string;
	abstract setViewData(data: string, clear: boolean): void;
	abstract clear(): void;
}

export class MarkdownView
	extends TextFileView
	implements
		Faithful<
			Omit<O.MarkdownView, 'leaf' | 'onOpen' | 'onClose' | 'file' | 'editor' | 'previewMode' | 'currentMode'>
		>
{
	/** Typed as Obsidian's Editor; at runtime a BufferEditor. */
	editor: O.Editor;
	previewMode: O.MarkdownPreviewView;
	currentMode: O.MarkdownSubView;
	hoverPopover: O.HoverPopover | null = null;
	/** 'source' (editing) or 'preview' (reading); tests may switch it with setMode. */
	private mode: O.MarkdownViewModeType = 'source';
	private readonly buffer: BufferEditor;

	constructor(leaf: O.WorkspaceLeaf) {
		super(leaf);
		this.buffer = new BufferEditor('', () => {
			this.saveSync();
			(this.leaf as unknown as LeafLike)._editorChanged(this);
		});
		this.editor = this.buffer as unknown as O.Editor;
		const subView = {
			getScroll: () => 0,
			applyScroll: () => undefined,
			get: () => this.buffer.getValue(),
			set: (data: string) => this.setViewData(data, false),
			clear: () => this.clear(),
		};
		this.previewMode = subView as unknown as O.MarkdownPreviewView;
		this.currentMode = subView as unknown as O.MarkdownSubView;
	}

	getViewType(): string {
		return 'markdown';
	}

	getMode(): O.MarkdownViewModeType {
		return this.mode;
	}

	/** Testing aid: switch between editing ('source') and reading ('preview') mode. */
	setMode(mode: O.MarkdownViewModeType): void {
		this.mode = mode;
	}

	getViewData(): string {
		return this.buffer.getValue();
	}

	setViewData(data: string, clear: boolean): void {
		if (clear) {
			this.buffer.setValueFromFile(data);
			this.buffer.setCursor(0, 0);
		} else this.buffer.setValueFromFile(data);
	}

	clear(): void {
		this.buffer.setValueFromFile('');
	}

	override canAcceptExtension(extension: string): boolean {
		return extension === 'md';
	}

	/** @internal The vault changed this view's file: follow it without saving back. */
	_fileChanged(text: string): void {
		this.data = text;
		this.buffer.setValueFromFile(text);
	}
}

/** The view of a new, empty tab. */
export class EmptyView extends ItemView {
	getViewType(): string {
		return 'empty';
	}

	getDisplayText(): string {
		return 'New tab';
	}
}

/** The view Obsidian uses for files no view is registered for. */
export class UnknownFileView extends FileView {
	getViewType(): string {
		return 'unknown';
	}

	override canAcceptExtension(): boolean {
		return true;
	}
}
