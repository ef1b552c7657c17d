/**
 * The fake `obsidian` module. Jest maps `obsidian` here (jest.config.cjs), and loadBuiltPlugin hands
 * this same module instance to the built main.js, so plugin code, the bundle and tests share one fake.
 *
 * Importing it installs Obsidian's globals once (see globals.ts). Test helpers are exported too, but
 * TypeScript resolves `obsidian` to the real declarations, so tests import them from './testing'.
 */
import { installGlobals } from './globals';

installGlobals();

export { App } from './app';
export { Component } from './component';
export { Events } from './events';
export type { EventRef } from 'obsidian';
export { TAbstractFile, TFile, TFolder } from './files';
export { Vault } from './vault';
export { FileSystemAdapter, CapacitorAdapter } from './adapter';
export { MetadataCache } from './metadataCache';
export { FileManager } from './fileManager';
export { SecretStorage } from './secretStorage';
export { Editor } from './editor';
export { View, ItemView, FileView, EditableFileView, TextFileView, MarkdownView } from './views';
export {
	Workspace,
	WorkspaceLeaf,
	WorkspaceItem,
	WorkspaceParent,
	WorkspaceSplit,
	WorkspaceTabs,
	WorkspaceRoot,
	WorkspaceSidedock,
	WorkspaceMobileDrawer,
	WorkspaceRibbon,
} from './workspace';
export { Notice } from './notice';
export { Modal, SuggestModal, FuzzySuggestModal, ConfirmationModal, ConfirmationButton } from './modal';
export { Menu, MenuItem, MenuSeparator } from './menu';
export { Scope, Keymap } from './scope';
export { PopoverSuggest, AbstractInputSuggest, EditorSuggest } from './suggest';
export {
	BaseComponent,
	ValueComponent,
	AbstractTextComponent,
	TextComponent,
	TextAreaComponent,
	SearchComponent,
	MomentFormatComponent,
	DropdownComponent,
	ToggleComponent,
	ButtonComponent,
	ExtraButtonComponent,
	SliderComponent,
	ProgressBarComponent,
	ColorComponent,
	SecretComponent,
	DisplayValueComponent,
} from './components';
export { Setting, SettingGroup, SettingTab, PluginSettingTab, SettingPage } from './settings';
export { Plugin } from './plugin';
export { MarkdownRenderChild, MarkdownRenderer, htmlToMarkdown } from './markdownRenderer';
export { requestUrl, request } from './requestUrl';
export {
	apiVersion,
	requireApiVersion,
	normalizePath,
	debounce,
	Platform,
	getLanguage,
	moment,
	parseLinktext,
	getLinkpath,
	stripHeading,
	stripHeadingForLink,
	addIcon,
	removeIcon,
	getIcon,
	getIconIds,
	setIcon,
	setTooltip,
	displayTooltip,
	arrayBufferToBase64,
	base64ToArrayBuffer,
	arrayBufferToHex,
	hexToArrayBuffer,
	getBlobArrayBuffer,
} from './util';
export {
	parseYaml,
	stringifyYaml,
	getFrontMatterInfo,
	parseFrontMatterEntry,
	parseFrontMatterStringArray,
	parseFrontMatterTags,
	parseFrontMatterAliases,
	getAllTags,
	iterateRefs,
	iterateCacheRefs,
} from './frontmatter';
export { prepareFuzzySearch, prepareSimpleSearch, renderMatches, renderResults, sortSearchResults } from './search';

// Test helpers (same module instance as above).
export * from './testing';
