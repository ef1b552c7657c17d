/**
 * The fake `obsidian` module. Jest maps `obsidian` here (jest.config.cjs), and loadBuiltPlugin hands
 * this same module instance to the built main.js, so plugin code, the bundle and tests share one fake.
 *
 * Importing it installs Obsidian's globals once (see globals.ts). Test helpers are exported too, but
 * TypeScript resolves `obsidian` to the real declarations, so tests import them from './testing'.
 */
import { installGlobals } from './globals';

installGlobals();

// Only what the plugin takes from `obsidian` (read from the built main.js), plus the classes tests check it against.
export { App } from './app';
export { Component } from './component';
export { Events } from './events';
export { TAbstractFile, TFile, TFolder } from './files';
export { Editor } from './editor';
export { MarkdownView } from './views';
export { Notice } from './notice';
export { Modal, FuzzySuggestModal } from './modal';
export { SecretComponent } from './components';
export { AbstractInputSuggest } from './suggest';
export { Setting, PluginSettingTab } from './settings';
export { Plugin } from './plugin';
export { requestUrl } from './requestUrl';
export { getLinkpath, normalizePath } from './util';
export { parseFrontMatterAliases } from './frontmatter';

// Test helpers (same module instance as above).
export * from './testing';
