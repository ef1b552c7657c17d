/**
 * Faithfulness checks for the fake Obsidian (test/fakes/obsidian) and loadBuiltPlugin: the behaviours
 * plugin code relies on, compared with what Obsidian documents or is known to do.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as obsidianModule from 'obsidian';
import {
	AbstractInputSuggest,
	FuzzySuggestModal,
	MarkdownView,
	Modal,
	Notice,
	Plugin,
	PluginSettingTab,
	SecretComponent,
	Setting,
	TFile,
	TFolder,
	normalizePath,
	requestUrl,
	type App,
	type Editor,
	type SettingDefinitionItem,
} from 'obsidian';
import { evaluateBundle, loadBuiltPlugin } from './loadBuiltPlugin';
import {
	changeValue,
	chooseInputSuggestion,
	click,
	chooseSuggestion,
	clickButton,
	createTestApp,
	fileText,
	findSetting,
	flush,
	getValue,
	inputSuggestionTexts,
	lastModal,
	lastNotice,
	notices,
	openInEditor,
	openSettingTab,
	requestUrlLog,
	resetFakeObsidian,
	runCommand,
	setRequestUrlRoutes,
	settingNames,
	suggestionTexts,
	typeIntoModal,
	uncaughtErrors,
	waitForMetadata,
} from './obsidian/testing';

afterEach(() => resetFakeObsidian());

describe('normalizePath and globals', () => {
	it('normalizes like Obsidian', () => {
		expect(normalizePath('//a\\\\b///c.md/')).toBe('a/b/c.md');
		expect(normalizePath('')).toBe('/');
		expect(normalizePath('/')).toBe('/');
		expect(normalizePath('a\u00A0b')).toBe('a b');
		expect(normalizePath('Cafe\u0301.md')).toBe('Caf\u00E9.md');
	});

	it("installs Obsidian's DOM helpers and prototype extensions, but no document/navigator", () => {
		const el = createDiv({ cls: 'a b', text: 'hello' });
		el.createSpan({ cls: 'c', text: ' world' });
		expect(el.getText()).toBe('hello world');
		expect(el.hasClass('b')).toBe(true);
		expect(el.find('.c')?.getText()).toBe(' world');
		const fragment = createFragment((f) => f.createEl('b', { text: 'bold' }));
		expect(fragment.textContent).toBe('bold');
		expect([1, 2, 3].last()).toBe(3);
		expect('abc'.contains('b')).toBe(true);
		expect(typeof activeWindow.setTimeout).toBe('function');
		expect(typeof (globalThis as Record<string, unknown>).document).toBe('undefined');
		expect(typeof (globalThis as Record<string, unknown>).navigator).toBe('undefined');
	});
});

describe('Vault', () => {
	it('create throws on an existing path and does not create missing folders', async () => {
		const app = createTestApp({ files: { 'Notes/a.md': 'A' } });
		await expect(app.vault.create('Notes/a.md', 'again')).rejects.toThrow('File already exists.');
		await expect(app.vault.create('Missing/b.md', 'x')).rejects.toMatchObject({ code: 'ENOENT' });
		const folder = await app.vault.createFolder('Deep/er/est');
		expect(folder).toBeInstanceOf(TFolder);
		expect(app.vault.getFolderByPath('Deep/er')).toBeInstanceOf(TFolder);
		await expect(app.vault.createFolder('Deep/er')).rejects.toThrow('Folder already exists.');
		const file = await app.vault.create('Deep/er/est/c.md', 'C');
		expect(file).toBeInstanceOf(TFile);
		expect(file.parent?.path).toBe('Deep/er/est');
		expect([file.name, file.basename, file.extension]).toEqual(['c.md', 'c', 'md']);
	});

	it('fires events, bumps mtime on every write, and refuses deleted files', async () => {
		const app = createTestApp({ files: { 'a.md': 'one' } });
		const file = app.vault.getFileByPath('a.md') as TFile;
		const events: string[] = [];
		app.vault.on('modify', (f) => events.push(`modify ${f.path}`));
		app.vault.on('rename', (f, old) => events.push(`rename ${old} -> ${f.path}`));
		app.vault.on('delete', (f) => events.push(`delete ${f.path}`));
		const before = file.stat.mtime;
		await app.vault.modify(file, 'two');
		await app.vault.modify(file, 'two');
		expect(file.stat.mtime).toBeGreaterThan(before);
		await app.vault.rename(file, 'b.md');
		expect(app.vault.getFileByPath('b.md')).toBe(file);
		await app.vault.delete(file);
		await expect(app.vault.read(file)).rejects.toMatchObject({ code: 'ENOENT' });
		expect(events).toEqual(['modify a.md', 'modify a.md', 'rename a.md -> b.md', 'delete b.md']);
	});

	it('process is atomic: no write when the callback throws, returns the new text', async () => {
		const app = createTestApp({ files: { 'a.md': 'hello' } });
		const file = app.vault.getFileByPath('a.md') as TFile;
		await expect(
			app.vault.process(file, () => {
				throw new Error('nope');
			}),
		).rejects.toThrow('nope');
		expect(await app.vault.read(file)).toBe('hello');
		// Two concurrent read-modify-writes both land.
		await Promise.all([app.vault.process(file, (t) => `${t} a`), app.vault.process(file, (t) => `${t} b`)]);
		expect(await app.vault.read(file)).toBe('hello a b');
	});

	it('keeps config-dir files in the adapter, outside the vault tree', async () => {
		const app = createTestApp();
		await app.vault.adapter.mkdir('.obsidian/plugins/x');
		await app.vault.adapter.write('.obsidian/plugins/x/notes.json', '{}');
		expect(await app.vault.adapter.exists('.obsidian/plugins/x/notes.json')).toBe(true);
		expect(app.vault.getAbstractFileByPath('.obsidian/plugins/x/notes.json')).toBeNull();
		expect((await app.vault.adapter.list('.obsidian/plugins/x')).files).toEqual(['.obsidian/plugins/x/notes.json']);
		await expect(app.vault.adapter.write('.obsidian/nope/a.json', '{}')).rejects.toMatchObject({ code: 'ENOENT' });
	});
});

describe('Editor linked to its file', () => {
	it('saves edits to the vault and follows vault.process, keeping the cursor', async () => {
		const app = createTestApp({ files: { 'n.md': 'line one\nline two' } });
		const view = await openInEditor(app, 'n.md', { cursor: { line: 1, ch: 4 } });
		expect(app.workspace.getActiveViewOfType(MarkdownView)).toBe(view);
		expect(app.workspace.getActiveFile()?.path).toBe('n.md');
		const editor: Editor = view.editor;
		editor.replaceSelection('X');
		expect(fileText(app, 'n.md')).toBe('line one\nlineX two');
		expect(editor.getCursor()).toEqual({ line: 1, ch: 5 });
		await app.vault.process(view.file as TFile, (text) => `# Title\n${text}`);
		expect(editor.getValue()).toBe('# Title\nline one\nlineX two');
		expect(editor.getCursor()).toEqual({ line: 2, ch: 5 });
		editor.setSelection({ line: 1, ch: 0 }, { line: 1, ch: 4 });
		expect(editor.getSelection()).toBe('line');
		expect(editor.wordAt({ line: 2, ch: 2 })).toEqual({ from: { line: 2, ch: 0 }, to: { line: 2, ch: 5 } });
	});
});

describe('MetadataCache', () => {
	const note = [
		'---',
		'title: "Quoted \\u00e9: yes"',
		'tags: [video, "yt/summary"]',
		'related:',
		'  - "[[Other Note|the other]]"',
		'---',
		'# Heading one',
		'See [[Other Note#Part|alias]] and ![[image.png]] and [md](Folder/Third%20Note.md) and [web](https://example.com).',
		'A #tag here, not#this, and `[[not a link]]`.',
		'```',
		'[[in code]] #incode',
		'```',
		'## Second',
	].join('\n');

	it('parses frontmatter, links, embeds, headings and tags from the note text', () => {
		const app = createTestApp({ files: { 'Notes/n.md': note, 'Other Note.md': '', 'Folder/Third Note.md': '' } });
		const cache = app.metadataCache.getCache('Notes/n.md');
		expect(cache?.frontmatter).toEqual({
			title: 'Quoted é: yes',
			tags: ['video', 'yt/summary'],
			related: ['[[Other Note|the other]]'],
		});
		expect(cache?.frontmatterPosition?.end.line).toBe(5);
		expect(cache?.frontmatterLinks).toEqual([
			{ key: 'related.0', link: 'Other Note', original: '[[Other Note|the other]]', displayText: 'the other' },
		]);
		expect(cache?.links?.map((l) => [l.link, l.displayText, l.original])).toEqual([
			['Other Note#Part', 'alias', '[[Other Note#Part|alias]]'],
			['Folder/Third Note.md', 'md', '[md](Folder/Third%20Note.md)'],
		]);
		expect(cache?.links?.[0].position.start).toEqual({
			line: 7,
			col: 4,
			offset: note.indexOf('[[Other Note#Part'),
		});
		expect(cache?.embeds?.map((e) => e.link)).toEqual(['image.png']);
		expect(cache?.headings?.map((h) => [h.level, h.heading])).toEqual([
			[1, 'Heading one'],
			[2, 'Second'],
		]);
		expect(cache?.tags?.map((t) => t.tag)).toEqual(['#tag']);
		expect(app.metadataCache.resolvedLinks['Notes/n.md']).toEqual({
			'Other Note.md': 2,
			'Folder/Third Note.md': 1,
		});
		expect(app.metadataCache.unresolvedLinks['Notes/n.md']).toEqual({ 'image.png': 1 });
	});

	it('re-indexes asynchronously after a write, then fires changed', async () => {
		const app = createTestApp({ files: { 'a.md': '---\nstatus: old\n---\n' } });
		const file = app.vault.getFileByPath('a.md') as TFile;
		const changed = new Promise<string>((resolve) =>
			app.metadataCache.on('changed', (f, data) => resolve(`${f.path}:${data.length}`)),
		);
		await app.vault.modify(file, '---\nstatus: new\n---\n');
		expect(app.metadataCache.getFileCache(file)?.frontmatter?.status).toBe('old');
		await waitForMetadata(app);
		expect(app.metadataCache.getFileCache(file)?.frontmatter?.status).toBe('new');
		await expect(changed).resolves.toBe('a.md:20');
	});

	it('resolves linkpaths and builds the shortest linktext', () => {
		const app = createTestApp({
			files: { 'A/Note.md': '', 'B/Note.md': '', 'B/Deeper/Note.md': '', 'Unique.md': '' },
		});
		expect(app.metadataCache.getFirstLinkpathDest('Unique', 'A/Note.md')?.path).toBe('Unique.md');
		expect(app.metadataCache.getFirstLinkpathDest('B/Note', '')?.path).toBe('B/Note.md');
		expect(app.metadataCache.getFirstLinkpathDest('note', 'Unique.md')?.path).toBe('A/Note.md');
		expect(app.metadataCache.getFirstLinkpathDest('../Unique', 'A/Note.md')?.path).toBe('Unique.md');
		expect(app.metadataCache.getFirstLinkpathDest('Nope', '')).toBeNull();
		const unique = app.vault.getFileByPath('Unique.md') as TFile;
		const duplicate = app.vault.getFileByPath('B/Note.md') as TFile;
		expect(app.metadataCache.fileToLinktext(unique, '')).toBe('Unique');
		expect(app.metadataCache.fileToLinktext(unique, '', false)).toBe('Unique.md');
		expect(app.metadataCache.fileToLinktext(duplicate, '')).toBe('B/Note');
	});
});

describe('FileManager', () => {
	it('generateMarkdownLink honours the wikilink / Markdown link setting', () => {
		const app = createTestApp({
			files: { 'Digests/My Video.md': '', 'X/Dup.md': '', 'Y/Dup.md': '', 'Notes/src.md': '' },
		});
		const video = app.vault.getFileByPath('Digests/My Video.md') as TFile;
		const dup = app.vault.getFileByPath('X/Dup.md') as TFile;
		expect(app.fileManager.generateMarkdownLink(video, 'Notes/src.md')).toBe('[[My Video]]');
		expect(app.fileManager.generateMarkdownLink(video, 'Notes/src.md', '#Summary', 'Digest')).toBe(
			'[[My Video#Summary|Digest]]',
		);
		expect(app.fileManager.generateMarkdownLink(dup, 'Notes/src.md')).toBe('[[X/Dup]]');
		const vault = app.vault as unknown as { setConfig(k: string, v: unknown): void };
		vault.setConfig('useMarkdownLinks', true);
		expect(app.fileManager.generateMarkdownLink(video, 'Notes/src.md')).toBe('[My Video](My%20Video.md)');
		expect(app.fileManager.generateMarkdownLink(video, 'Notes/src.md', '', 'Digest')).toBe(
			'[Digest](My%20Video.md)',
		);
		vault.setConfig('newLinkFormat', 'relative');
		expect(app.fileManager.generateMarkdownLink(video, 'Notes/src.md')).toBe(
			'[My Video](../Digests/My%20Video.md)',
		);
		vault.setConfig('newLinkFormat', 'absolute');
		vault.setConfig('useMarkdownLinks', false);
		expect(app.fileManager.generateMarkdownLink(video, 'Notes/src.md')).toBe('[[Digests/My Video]]');
	});
});

describe('SecretStorage and localStorage', () => {
	it('validates ids and returns null for missing secrets', () => {
		const app = createTestApp({ secrets: { 'openai-key': 'sk-1' } });
		expect(app.secretStorage.getSecret('openai-key')).toBe('sk-1');
		expect(app.secretStorage.getSecret('missing')).toBeNull();
		expect(() => app.secretStorage.setSecret('Bad_Id', 'x')).toThrow();
		expect(app.secretStorage.listSecrets()).toEqual(['openai-key']);
		app.saveLocalStorage('k', { a: 1 });
		expect(app.loadLocalStorage('k')).toEqual({ a: 1 });
		app.saveLocalStorage('k', null);
		expect(app.loadLocalStorage('k')).toBeNull();
	});
});

describe('requestUrl', () => {
	let server: http.Server;
	let base: string;

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (c: Buffer) => (body += c.toString()));
			req.on('end', () => {
				if (req.url === '/json') {
					res.writeHead(200, { 'Content-Type': 'application/json', 'X-Custom': 'yes' });
					res.end(JSON.stringify({ ok: true }));
				} else if (req.url === '/echo') {
					res.writeHead(200, { 'Content-Type': 'text/plain' });
					res.end(`${req.method} ${req.headers['content-type']} ${body}`);
				} else if (req.url === '/redirect') {
					res.writeHead(302, { Location: 'https://www.youtube.com/json' });
					res.end();
				} else {
					res.writeHead(404, { 'Content-Type': 'text/plain' });
					res.end('not here');
				}
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('routes hosts to loopback, lower-cases headers, and exposes text/json', async () => {
		setRequestUrlRoutes({ 'https://www.youtube.com': base });
		const res = await requestUrl('https://www.youtube.com/json');
		expect(res.status).toBe(200);
		expect(res.headers['x-custom']).toBe('yes');
		expect(res.json).toEqual({ ok: true });
		await expect(requestUrl({ url: 'https://www.youtube.com/json' }).json).resolves.toEqual({ ok: true });
		expect(requestUrlLog[0]).toMatchObject({
			url: 'https://www.youtube.com/json',
			routedUrl: `${base}/json`,
			method: 'GET',
			status: 200,
		});
		await expect(requestUrl('https://www.youtube.com/redirect').json).resolves.toEqual({ ok: true });
	});

	it('throws on status >= 400 unless throw: false', async () => {
		await expect(requestUrl(`${base}/missing`)).rejects.toMatchObject({
			status: 404,
			message: 'Request failed, status 404',
		});
		const res = await requestUrl({ url: `${base}/missing`, throw: false });
		expect([res.status, res.text]).toEqual([404, 'not here']);
		expect(() => res.json).toThrow(SyntaxError);
	});

	it('sends method, contentType and body', async () => {
		const res = await requestUrl({
			url: `${base}/echo`,
			method: 'POST',
			contentType: 'application/json',
			body: '{"a":1}',
		});
		expect(res.text).toBe('POST application/json {"a":1}');
	});

	it('refuses anything that is not loopback after routing', async () => {
		await expect(requestUrl('https://api.openai.com/v1/models')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
		expect(requestUrlLog[requestUrlLog.length - 1]?.error).toMatch(/ERR_INTERNET_DISCONNECTED/);
	});
});

describe('UI', () => {
	it('AbstractInputSuggest shows suggestions as the user types; choosing one only calls onSelect', async () => {
		const app = createTestApp({ folders: ['Media/Videos', 'Media/Podcasts', 'Notes'] });
		const input = createEl('input', { type: 'text' });
		const chosen: string[] = [];
		class Folders extends AbstractInputSuggest<TFolder> {
			protected getSuggestions(query: string): TFolder[] {
				return app.vault.getAllFolders().filter((folder) => folder.path.includes(query));
			}
			renderSuggestion(folder: TFolder, el: HTMLElement): void {
				el.setText(folder.path);
			}
		}
		const suggest = new Folders(app, input).onSelect((folder) => chosen.push(folder.path));
		expect(await inputSuggestionTexts(input, 'Media/')).toEqual(['Media/Videos', 'Media/Podcasts']);
		expect(activeDocument.body.find('.suggestion-container')).toBeTruthy();
		await chooseInputSuggestion(input, 'Media/Podcasts');
		// Obsidian leaves the input's value and the popover to the callback.
		expect([chosen, suggest.getValue()]).toEqual([['Media/Podcasts'], 'Media/']);
		suggest.setValue('Notes');
		suggest.close();
		expect([input.value, activeDocument.body.find('.suggestion-container')]).toEqual(['Notes', null]);
		expect(await inputSuggestionTexts(input, 'none')).toEqual([]);
	});

	it('records notices with their current text', () => {
		const notice = new Notice('Working…', 0);
		notice.setMessage('Done: 3 notes');
		new Notice('Other').hide();
		expect(notices().map((record) => record.message)).toEqual(['Done: 3 notes', 'Other']);
		expect(lastNotice()).toMatchObject({ message: 'Other', hidden: true });
	});

	it('notices built from fragments: live text, clickable content, click dismisses', async () => {
		let label: HTMLElement | null = null;
		let cancelled = false;
		const notice = new Notice(
			createFragment((root) => {
				label = root.createDiv({ text: 'Fetching…' });
				root.createEl('button', { text: 'Cancel' }).addEventListener('click', (evt) => {
					evt.stopPropagation();
					cancelled = true;
				});
			}),
			0,
		);
		(label as unknown as HTMLElement).setText('Summarizing…');
		expect(lastNotice()?.message).toBe('Summarizing…Cancel');
		await clickButton(lastNotice()!.el, 'Cancel');
		expect([cancelled, lastNotice()?.hidden]).toEqual([true, false]);
		await click(notice.messageEl);
		expect(lastNotice()?.hidden).toBe(true);
	});

	it('FuzzySuggestModal: choose closes first, then onChooseItem', async () => {
		const app = createTestApp();
		const calls: string[] = [];
		class Picker extends FuzzySuggestModal<string> {
			getItems() {
				return ['Alpha', 'Beta', 'Gamma'];
			}
			getItemText(item: string) {
				return item;
			}
			onChooseItem(item: string) {
				calls.push(`chose ${item}`);
			}
			onClose() {
				calls.push('closed');
			}
		}
		new Picker(app).open();
		expect(await suggestionTexts()).toEqual(['Alpha', 'Beta', 'Gamma']);
		expect(await suggestionTexts({ query: 'gm' })).toEqual(['Gamma']);
		await chooseSuggestion('Gamma');
		expect(calls).toEqual(['closed', 'chose Gamma']);
		expect(lastModal()).toBeUndefined();
	});

	it('Modal text input and submit through the scope', async () => {
		const app = createTestApp();
		let submitted = '';
		class Ask extends Modal {
			onOpen() {
				const input = this.contentEl.createEl('input', { type: 'text' });
				this.scope.register([], 'Enter', () => {
					submitted = input.value;
					this.close();
					return false;
				});
			}
		}
		new Ask(app).open();
		await typeIntoModal('https://youtu.be/x', { submit: true });
		expect(submitted).toBe('https://youtu.be/x');
	});

	it('settings: find a setting by name and change its value like a user', async () => {
		const container = createDiv();
		const saved: unknown[] = [];
		new Setting(container).setName('Model').addDropdown((d) =>
			d
				.addOptions({ a: 'A', b: 'B' })
				.setValue('a')
				.onChange(async (v) => {
					saved.push(v);
				}),
		);
		new Setting(container).setName('Enabled').addToggle((t) => t.setValue(true).onChange((v) => saved.push(v)));
		new Setting(container)
			.setName('Run')
			.addButton((b) => b.setButtonText('Go').onClick(() => saved.push('clicked')));
		expect(settingNames(container)).toEqual(['Model', 'Enabled', 'Run']);
		await changeValue(findSetting(container, 'Model'), 'b');
		await changeValue(findSetting(container, 'Enabled'), false);
		await clickButton(container, 'Go');
		expect(saved).toEqual(['b', false, 'clicked']);
		expect(getValue(findSetting(container, 'Model'))).toBe('b');
		await expect(changeValue(findSetting(container, 'Model'), 'zzz')).rejects.toThrow('not an option');
		// Like a <select>: a value set before its options exist is lost (the first option gets selected).
		new Setting(container).setName('Late').addDropdown((d) => d.setValue('b').addOptions({ a: 'A', b: 'B' }));
		expect(getValue(findSetting(container, 'Late'))).toBe('a');
	});

	it('renders getSettingDefinitions (groups, render rows, SecretComponent) like Obsidian 1.13', async () => {
		const app = createTestApp({ secrets: { 'openai-key': 'sk-1' } });
		const settings = { folder: 'Digests', secret: '' };
		class P extends Plugin {}
		class T extends PluginSettingTab {
			getSettingDefinitions(): SettingDefinitionItem[] {
				return [
					{ name: 'Folder', control: { type: 'text', key: 'folder' } },
					{
						type: 'group',
						heading: 'Model',
						items: [
							{
								name: 'API key',
								render: (setting: Setting) => {
									setting.addComponent((el) =>
										new SecretComponent(app, el)
											.setValue(settings.secret)
											.onChange((v) => (settings.secret = v)),
									);
								},
							},
						],
					},
				];
			}
			display() {
				throw new Error('display() must not be called when definitions exist');
			}
		}
		const plugin = new P(app, {
			id: 'p',
			name: 'P',
			version: '1',
			minAppVersion: '1',
			description: '',
			author: '',
		});
		plugin.settings = settings;
		plugin.addSettingTab(new T(app, plugin));
		const el = await openSettingTab(app, 'p');
		expect(settingNames(el)).toEqual(['Folder', 'API key']);
		await changeValue(findSetting(el, 'Folder'), 'Out');
		await changeValue(findSetting(el, 'API key'), 'openai-key');
		expect(settings).toEqual({ folder: 'Out', secret: 'openai-key' });
		expect(JSON.parse(await app.vault.adapter.read('.obsidian/plugins/p/data.json'))).toEqual({
			folder: 'Out',
			secret: '',
		});
	});
});

describe('loadBuiltPlugin', () => {
	const manifest = {
		id: 'test-plugin',
		name: 'Test Plugin',
		version: '1.0.0',
		minAppVersion: '1.11.4',
		description: 'test',
		author: 'me',
	};
	const bundle = `
"use strict";
var obsidian = require("obsidian");
class Tab extends obsidian.PluginSettingTab {
  constructor(app, plugin) { super(app, plugin); this.plugin = plugin; }
  display() {
    const { containerEl } = this;
    containerEl.empty();
    new obsidian.Setting(containerEl).setName("Greeting").addText((t) =>
      t.setValue(this.plugin.settings.greeting).onChange(async (v) => {
        this.plugin.settings.greeting = v;
        await this.plugin.saveData(this.plugin.settings);
      }),
    );
  }
}
class TestPlugin extends obsidian.Plugin {
  async onload() {
    this.settings = Object.assign({ greeting: "hi", count: 0 }, await this.loadData());
    this.addCommand({
      id: "say-hello", name: "Say hello", callback: () => { new obsidian.Notice(this.settings.greeting); },
    });
    this.addCommand({
      id: "tag-note", name: "Tag note",
      editorCallback: (editor, view) => { editor.replaceSelection("[" + view.file.basename + "]"); },
    });
    this.addCommand({ id: "bump", name: "Bump", checkCallback: (checking) => {
      if (!this.app.workspace.getActiveFile()) return false;
      if (!checking) return this.bump();
      return true;
    } });
    this.addSettingTab(new Tab(this.app, this));
  }
  async bump() { this.settings.count++; await this.saveData(this.settings); }
}
module.exports = { default: TestPlugin };
`;

	it('loads a CommonJS bundle with the shared obsidian module and runs its commands', async () => {
		const handle = await loadBuiltPlugin({
			code: bundle,
			manifest,
			appOptions: { files: { 'Notes/Video.md': 'text' } },
			data: { greeting: 'hello from data' },
		});
		const { app } = handle;
		expect(handle.plugin).toBeInstanceOf(Plugin);
		expect(Object.keys(handle.commands)).toEqual([
			'test-plugin:say-hello',
			'test-plugin:tag-note',
			'test-plugin:bump',
		]);
		expect(handle.commands['test-plugin:say-hello'].name).toBe('Test Plugin: Say hello');

		await handle.runCommand('say-hello');
		expect(lastNotice()?.message).toBe('hello from data');

		await expect(handle.runCommand('tag-note')).rejects.toThrow('not available');
		await expect(handle.runCommand('test-plugin:bump')).rejects.toThrow('not available');
		const view = await openInEditor(app, 'Notes/Video.md', { cursor: 4 });
		await handle.runCommand('tag-note');
		expect(view.editor.getValue()).toBe('text[Video]');
		await runCommand(app, 'bump');
		expect(JSON.parse(await app.vault.adapter.read('.obsidian/plugins/test-plugin/data.json'))).toEqual({
			greeting: 'hello from data',
			count: 1,
		});

		const settings = await openSettingTab(app, 'test-plugin');
		await changeValue(findSetting(settings, 'Greeting'), 'changed');
		expect((handle.plugin as Plugin & { settings: { greeting: string } }).settings.greeting).toBe('changed');

		handle.unload();
		expect(handle.commands).toEqual({});
		await flush(app);
		expect(uncaughtErrors()).toEqual([]);
	});

	it('hands the bundle the very module the tests import, and nothing else', () => {
		const exported = evaluateBundle('module.exports = require("obsidian");', 'probe.js');
		expect(exported).toBe(obsidianModule);
		expect(() => evaluateBundle('require("fs")', 'probe.js')).toThrow('may only require "obsidian"');
	});

	it('works with PluginSettingTab subclasses defined in TypeScript tests too', () => {
		const app: App = createTestApp();
		class P extends Plugin {}
		class T extends PluginSettingTab {
			display() {
				new Setting(this.containerEl).setName('X');
			}
		}
		const plugin = new P(app, manifest);
		const tab = new T(app, plugin);
		tab.display();
		expect(settingNames(tab.containerEl)).toEqual(['X']);
	});
});
