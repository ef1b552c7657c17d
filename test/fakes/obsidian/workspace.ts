/**
 * Workspace and leaves: a flat list of leaves (main area, left and right sidebars), the active leaf,
 * opening files into MarkdownViews, and the workspace events.
 *
 * - `getLeaf(false)` returns the active main-area leaf (or the first unpinned one, or a new one);
 *   `getLeaf(true | 'tab' | 'split' | 'window')` always creates a new leaf.
 * - `leaf.openFile(file)` makes the leaf active unless `{ active: false }`, then fires
 *   'active-leaf-change' (when the active leaf changed) and 'file-open'.
 * - `onLayoutReady` runs the callback immediately (layout is ready once the app exists).
 * - Deleting a file detaches the leaves showing it; renaming keeps them.
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { asDom, createFakeElement } from './dom';
import { Events } from './events';
import { TAbstractFile, TFile } from './files';
import type { FileManager } from './fileManager';
import type { MetadataCache } from './metadataCache';
import { trackHandlerResult } from './registry';
import { debounce } from './util';
import type { Vault } from './vault';
import { EmptyView, FileView, MarkdownView, UnknownFileView, View, type LeafLike } from './views';

export interface WorkspaceHost {
	app: O.App;
	vault: Vault;
	metadataCache: MetadataCache;
	fileManager: FileManager;
}

/** Custom views registered by plugins (Plugin.registerView / registerExtensions). */
export class ViewRegistry {
	readonly viewByType = new Map<string, O.ViewCreator>();
	readonly typeByExtension = new Map<string, string>();
}

type Side = 'root' | 'left' | 'right';

export abstract class WorkspaceItem extends Events {
	abstract parent: unknown;

	getRoot(): this {
		return this;
	}

	getContainer(): unknown {
		return this;
	}
}

/** Structural stand-ins for the workspace tree (the fake keeps leaves in a flat list). */
export class WorkspaceParent extends WorkspaceItem {
	parent: unknown = null;
}
export class WorkspaceSplit extends WorkspaceParent {}
export class WorkspaceTabs extends WorkspaceParent {}
export class WorkspaceRoot extends WorkspaceSplit {
	get win(): unknown {
		return (globalThis as Record<string, unknown>).activeWindow;
	}
	get doc(): unknown {
		return (globalThis as Record<string, unknown>).activeDocument;
	}
}
export class WorkspaceSidedock extends WorkspaceSplit {
	collapsed = false;
	toggle(): void {
		this.collapsed = !this.collapsed;
	}
}
export class WorkspaceMobileDrawer extends WorkspaceSidedock {}
export class WorkspaceRibbon {}

let leafCounter = 0;

export class WorkspaceLeaf
	extends WorkspaceItem
	implements
		LeafLike,
		Faithful<Omit<O.WorkspaceLeaf, 'parent' | 'view' | 'getRoot' | 'getContainer' | 'openFile' | 'setViewState'>>
{
	readonly id = `fake-leaf-${++leafCounter}`;
	parent: O.WorkspaceTabs | O.WorkspaceMobileDrawer;
	view: O.View;
	hoverPopover: O.HoverPopover | null = null;
	pinned = false;
	group: string | null = null;
	private ephemeral: unknown = {};
	/** @internal */
	_detached = false;

	constructor(
		readonly workspace: Workspace,
		readonly side: Side,
	) {
		super();
		this.parent = new WorkspaceTabs() as unknown as O.WorkspaceTabs;
		const view = new EmptyView(this as unknown as O.WorkspaceLeaf);
		this.view = view as unknown as O.View;
		void view._open();
	}

	get app(): O.App {
		return this.workspace.host.app;
	}

	get _vault(): Vault {
		return this.workspace.host.vault;
	}

	_editorChanged(view: MarkdownView): void {
		this.workspace.trigger('editor-change', view.editor, view);
	}

	private async replaceView(view: View): Promise<void> {
		const old = this.view as unknown as View;
		if (old instanceof FileView && old.file) await old.onUnloadFile(old.file);
		await old._close();
		this.view = view as unknown as O.View;
		await view._open();
	}

	async open(view: O.View): Promise<O.View> {
		await this.replaceView(view as unknown as View);
		return view;
	}

	async openFile(file: O.TFile, openState?: O.OpenViewState): Promise<void> {
		const f = file as unknown as TFile;
		this._vault.liveFile(file);
		const current = this.view as unknown as View;
		if (!(current instanceof FileView && current.file === file)) {
			const view = this.workspace.createViewForFile(this, f);
			await this.replaceView(view);
			await view.loadFile(file);
		}
		if (openState?.eState) this.setEphemeralState(openState.eState);
		this.workspace._recordOpen(f);
		if (openState?.active !== false)
			this.workspace.setActiveLeaf(this as unknown as O.WorkspaceLeaf, { focus: true });
		this.workspace.trigger('file-open', file);
		this.workspace.trigger('layout-change');
	}

	getViewState(): O.ViewState {
		return {
			type: this.view.getViewType(),
			state: this.view.getState(),
			active: this.workspace.activeLeaf === (this as unknown as O.WorkspaceLeaf),
			pinned: this.pinned,
		};
	}

	async setViewState(viewState: O.ViewState, eState?: unknown): Promise<void> {
		const state = viewState.state ?? {};
		if (viewState.type === 'markdown' && typeof state.file === 'string') {
			const file = this._vault.getFileByPath(state.file);
			if (!file) throw new Error(`setViewState: no file at ${state.file}`);
			await this.openFile(file, {
				active: viewState.active,
				eState: eState as Record<string, unknown> | undefined,
			});
			return;
		}
		if (viewState.type !== this.view.getViewType()) {
			const view = this.workspace.createView(this, viewState.type);
			await this.replaceView(view);
		}
		await this.view.setState(state, { history: false });
		if (eState) this.setEphemeralState(eState);
		if (viewState.pinned !== undefined) this.setPinned(viewState.pinned);
		if (viewState.active) this.workspace.setActiveLeaf(this as unknown as O.WorkspaceLeaf, { focus: true });
		this.workspace.trigger('layout-change');
	}

	getEphemeralState(): unknown {
		return this.ephemeral;
	}

	setEphemeralState(state: unknown): void {
		this.ephemeral = state;
		this.view.setEphemeralState(state);
	}

	setPinned(pinned: boolean): void {
		this.pinned = pinned;
		this.trigger('pinned-change', pinned);
	}

	detach(): void {
		if (this._detached) return;
		this._detached = true;
		void (this.view as unknown as View)._close();
		this.workspace._removeLeaf(this);
	}

	getIcon(): string {
		return this.view.getIcon();
	}

	getDisplayText(): string {
		return this.view.getDisplayText();
	}

	onResize(): void {
		this.view.onResize();
	}
}

export class Workspace
	extends Events
	implements
		Faithful<
			Omit<
				O.Workspace,
				| 'leftSplit'
				| 'rightSplit'
				| 'leftRibbon'
				| 'rightRibbon'
				| 'rootSplit'
				| 'activeLeaf'
				| 'activeEditor'
				| 'createLeafInParent'
				| 'moveLeafToPopout'
				| 'getLayout'
			>
		>
{
	leftSplit = new WorkspaceSidedock();
	rightSplit = new WorkspaceSidedock();
	leftRibbon = new WorkspaceRibbon();
	rightRibbon = new WorkspaceRibbon();
	rootSplit = new WorkspaceRoot();
	activeLeaf: O.WorkspaceLeaf | null = null;
	containerEl: HTMLElement = asDom(createFakeElement('div', { cls: 'workspace' }));
	layoutReady = true;
	requestSaveLayout = debounce(async () => undefined, 0) as unknown as O.Debouncer<[], Promise<void>>;
	readonly views = new ViewRegistry();
	private readonly leaves: WorkspaceLeaf[] = [];
	private lastOpenFiles: string[] = [];
	private lastActiveFile: O.TFile | null = null;

	constructor(readonly host: WorkspaceHost) {
		super();
		host.vault._addHooks({
			create: () => undefined,
			modify: (file) => {
				const text = host.vault.readTextSync(file as unknown as O.TFile);
				for (const leaf of this.leaves) {
					const view = leaf.view as unknown as View;
					if (view instanceof MarkdownView && view.file === (file as unknown as O.TFile))
						view._fileChanged(text);
				}
			},
			delete: (file: TAbstractFile) => {
				for (const leaf of [...this.leaves]) {
					const view = leaf.view as unknown as View;
					if (view instanceof FileView && view.file === (file as unknown as O.TFile)) leaf.detach();
				}
				if (this.lastActiveFile === (file as unknown as O.TFile)) this.lastActiveFile = null;
				this.lastOpenFiles = this.lastOpenFiles.filter((p) => p !== file.path);
			},
			rename: (file: TAbstractFile, oldPath: string) => {
				this.lastOpenFiles = this.lastOpenFiles.map((p) => (p === oldPath ? file.path : p));
				for (const leaf of this.leaves) {
					const view = leaf.view as unknown as View;
					if (view instanceof FileView && view.file === (file as unknown as O.TFile))
						void view.onRename(view.file);
				}
			},
		});
	}

	/** The active MarkdownView (it is a MarkdownFileInfo with an editor), or null. */
	get activeEditor(): O.MarkdownFileInfo | null {
		const view = this.activeLeaf?.view as unknown as View | undefined;
		return view instanceof MarkdownView ? (view as unknown as O.MarkdownFileInfo) : null;
	}

	// ----- leaves -----

	/** @internal */
	createLeaf(side: Side = 'root'): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this, side);
		this.leaves.push(leaf);
		return leaf;
	}

	/** @internal */
	_removeLeaf(leaf: WorkspaceLeaf): void {
		const index = this.leaves.indexOf(leaf);
		if (index !== -1) this.leaves.splice(index, 1);
		if (this.activeLeaf === (leaf as unknown as O.WorkspaceLeaf)) {
			const next = this.leaves.find((l) => l.side === 'root') ?? null;
			this.activeLeaf = null;
			if (next) this.setActiveLeaf(next as unknown as O.WorkspaceLeaf);
			else this.trigger('active-leaf-change', null);
		}
		this.trigger('layout-change');
	}

	/** @internal */
	createView(leaf: WorkspaceLeaf, type: string): View {
		const l = leaf as unknown as O.WorkspaceLeaf;
		if (type === 'markdown') return new MarkdownView(l);
		if (type === 'empty') return new EmptyView(l);
		const creator = this.views.viewByType.get(type);
		if (!creator) throw new Error(`No view registered for type "${type}"`);
		return creator(l) as unknown as View;
	}

	/** @internal */
	createViewForFile(leaf: WorkspaceLeaf, file: TFile): FileView {
		if (file.extension === 'md') return new MarkdownView(leaf as unknown as O.WorkspaceLeaf);
		const type = this.views.typeByExtension.get(file.extension);
		const view = type ? this.createView(leaf, type) : new UnknownFileView(leaf as unknown as O.WorkspaceLeaf);
		if (!(view instanceof FileView))
			throw new Error(`View "${type ?? ''}" registered for .${file.extension} is not a FileView`);
		return view;
	}

	/** @internal */
	_recordOpen(file: TFile): void {
		this.lastOpenFiles = [file.path, ...this.lastOpenFiles.filter((p) => p !== file.path)].slice(0, 10);
	}

	onLayoutReady(callback: () => unknown): void {
		trackHandlerResult(callback(), 'onLayoutReady callback');
	}

	getLayout(): Record<string, unknown> {
		return { main: this.leaves.map((l) => l.getViewState()) };
	}

	createLeafInParent(_parent: O.WorkspaceSplit, _index: number): O.WorkspaceLeaf {
		return this.createLeaf('root') as unknown as O.WorkspaceLeaf;
	}

	getLeaf(newLeaf?: O.PaneType | boolean, _direction?: O.SplitDirection): O.WorkspaceLeaf {
		if (newLeaf) return this.createLeaf('root') as unknown as O.WorkspaceLeaf;
		const active = this.activeLeaf as unknown as WorkspaceLeaf | null;
		if (active && active.side === 'root' && !active.pinned) return active as unknown as O.WorkspaceLeaf;
		const unpinned = this.leaves.find((l) => l.side === 'root' && !l.pinned);
		return (unpinned ?? this.createLeaf('root')) as unknown as O.WorkspaceLeaf;
	}

	moveLeafToPopout(leaf: O.WorkspaceLeaf): O.WorkspaceWindow {
		void leaf;
		return new WorkspaceRoot() as unknown as O.WorkspaceWindow;
	}

	setActiveLeaf(leaf: O.WorkspaceLeaf, params?: { focus?: boolean } | boolean, _focus?: boolean): void {
		if (this.activeLeaf === leaf) return;
		this.activeLeaf = leaf;
		const view = leaf.view as unknown as View;
		if (view instanceof FileView && view.file) this.lastActiveFile = view.file;
		const focus = typeof params === 'object' ? params.focus !== false : _focus !== false;
		if (focus && view instanceof MarkdownView) view.editor.focus();
		this.trigger('active-leaf-change', leaf);
	}

	getActiveViewOfType<T extends O.View>(type: O.Constructor<T>): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof (type as unknown as abstract new (...args: never[]) => unknown)
			? (view as unknown as T)
			: null;
	}

	getActiveFile(): O.TFile | null {
		const view = this.activeLeaf?.view as unknown as View | undefined;
		if (view instanceof FileView) return view.file;
		return this.lastActiveFile;
	}

	detachLeavesOfType(viewType: string): void {
		for (const leaf of this.leaves.filter((l) => l.view.getViewType() === viewType)) leaf.detach();
	}
}
