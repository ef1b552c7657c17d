/**
 * A small DOM for Node (the tests run without jsdom because the openai SDK refuses it).
 *
 * It implements the subset of the DOM that Obsidian plugins touch, plus the helpers Obsidian adds to
 * Node/Element/HTMLElement (createEl, setText, addClass, find, ...). Elements are `FakeElement`s at
 * runtime; the rest of the fake types them as the real `HTMLElement` and casts at the boundary, so
 * plugin code and tests are type-checked against the real API.
 */
import { trackHandlerResult } from './registry';

export type DomInfo = {
	cls?: string | string[];
	text?: string | DocumentFragment | FakeFragment;
	attr?: Record<string, string | number | boolean | null>;
	title?: string;
	parent?: unknown;
	value?: string;
	type?: string;
	prepend?: boolean;
	placeholder?: string;
	href?: string;
};

type Listener = (this: unknown, event: FakeEvent) => unknown;
interface ListenerEntry {
	type: string;
	listener: Listener | { handleEvent(event: FakeEvent): unknown };
	capture: boolean;
	once: boolean;
}

/** The events the fake DOM dispatches. Accepts the usual MouseEvent/KeyboardEvent init fields. */
export class FakeEvent {
	readonly type: string;
	target: FakeNode | null = null;
	currentTarget: FakeNode | null = null;
	readonly bubbles: boolean;
	readonly cancelable: boolean;
	defaultPrevented = false;
	key = '';
	code = '';
	ctrlKey = false;
	metaKey = false;
	shiftKey = false;
	altKey = false;
	button = 0;
	isComposing = false;
	readonly timeStamp = Date.now();
	/** Set by stopPropagation; read by the dispatcher. */
	propagationStopped = false;
	immediatePropagationStopped = false;
	[extra: string]: unknown;

	constructor(type: string, init: Record<string, unknown> = {}) {
		this.type = type;
		this.bubbles = init.bubbles === true;
		this.cancelable = init.cancelable !== false;
		for (const [key, value] of Object.entries(init)) {
			if (key !== 'bubbles' && key !== 'cancelable') this[key] = value;
		}
	}

	preventDefault(): void {
		if (this.cancelable) this.defaultPrevented = true;
	}

	stopPropagation(): void {
		this.propagationStopped = true;
	}

	instanceOf(type: new (...args: never[]) => unknown): boolean {
		return this instanceof type;
	}
}

/** Events that bubble in a browser; used when the fake creates events itself. */
const BUBBLING = new Set([
	'click',
	'input',
	'change',
	'keydown',
	'keyup',
	'keypress',
	'mousedown',
	'mouseup',
	'contextmenu',
	'focusin',
	'focusout',
	'submit',
	'dblclick',
	'auxclick',
	'pointerdown',
	'pointerup',
]);

export function createEvent(type: string, init: Record<string, unknown> = {}): FakeEvent {
	return new FakeEvent(type, { bubbles: BUBBLING.has(type), ...init });
}

export abstract class FakeNode {
	static readonly ELEMENT_NODE = 1;
	static readonly TEXT_NODE = 3;
	static readonly DOCUMENT_NODE = 9;
	static readonly DOCUMENT_FRAGMENT_NODE = 11;

	abstract readonly nodeType: number;
	abstract readonly nodeName: string;
	parentNode: FakeNode | null = null;
	readonly childNodes: FakeNode[] = [];
	private listeners: ListenerEntry[] = [];
	/** Obsidian's delegated listeners (`el.on(type, selector, listener)`). */
	_EVENTS?: Record<string, { selector: string; listener: unknown; options?: unknown; callback: Listener }[]>;

	get parentElement(): FakeElement | null {
		return this.parentNode instanceof FakeElement ? this.parentNode : null;
	}

	get firstChild(): FakeNode | null {
		return this.childNodes[0] ?? null;
	}

	get children(): FakeElement[] {
		return this.childNodes.filter((n): n is FakeElement => n instanceof FakeElement);
	}

	/** Obsidian: the document/window this node belongs to. */
	get doc(): FakeDocument {
		return getFakeDocument();
	}

	get win(): unknown {
		return getFakeDocument().defaultView;
	}

	get textContent(): string {
		return this.childNodes.map((n) => n.textContent).join('');
	}

	set textContent(value: string | null) {
		this.removeAllChildren();
		const text = value ?? '';
		if (text !== '') this.appendChild(new FakeText(text));
	}

	contains(other: FakeNode | null): boolean {
		let node: FakeNode | null = other;
		while (node) {
			if (node === this) return true;
			node = node.parentNode;
		}
		return false;
	}

	appendChild<T>(child: T): T {
		this.insertBefore(child, null);
		return child;
	}

	insertBefore<T>(child: T, reference: FakeNode | null): T {
		const node = child as unknown as FakeNode;
		if (node instanceof FakeFragment) {
			for (const inner of [...node.childNodes]) this.insertBefore(inner, reference);
			return child;
		}
		if (!(node instanceof FakeNode)) throw new TypeError('Fake DOM: can only insert fake nodes');
		if (node.contains(this)) throw new Error('HierarchyRequestError: the new child contains the parent');
		node.remove();
		const index = reference ? this.childNodes.indexOf(reference) : -1;
		if (reference && index === -1) throw new Error('NotFoundError: reference node is not a child of this node');
		if (index === -1) this.childNodes.push(node);
		else this.childNodes.splice(index, 0, node);
		node.parentNode = this;
		this.childInserted(node);
		return child;
	}

	/** Hook for insertion side effects (a select re-runs its selectedness algorithm). */
	protected childInserted(_node: FakeNode): void {}

	removeChild<T>(child: T): T {
		const node = child as unknown as FakeNode;
		const index = this.childNodes.indexOf(node);
		if (index === -1) throw new Error('NotFoundError: node is not a child of this node');
		this.childNodes.splice(index, 1);
		node.parentNode = null;
		return child;
	}

	append(...nodes: (FakeNode | string)[]): void {
		for (const node of nodes) this.appendChild(typeof node === 'string' ? new FakeText(node) : node);
	}

	prepend(...nodes: (FakeNode | string)[]): void {
		const first = this.firstChild;
		for (const node of nodes) this.insertBefore(typeof node === 'string' ? new FakeText(node) : node, first);
	}

	remove(): void {
		if (this.parentNode) this.parentNode.removeChild(this);
	}

	protected removeAllChildren(): void {
		for (const child of this.childNodes) child.parentNode = null;
		this.childNodes.length = 0;
	}

	// ----- Obsidian's Node extensions -----

	detach(): void {
		this.remove();
	}

	empty(): void {
		this.removeAllChildren();
	}

	indexOf(other: FakeNode): number {
		return this.childNodes.indexOf(other);
	}

	appendText(val: string): void {
		this.appendChild(new FakeText(val));
	}

	instanceOf(type: abstract new (...args: never[]) => unknown): boolean {
		return typeof type === 'function' && this instanceof type;
	}

	createEl(tag: string, o?: DomInfo | string, callback?: (el: FakeElement) => void): FakeElement {
		const info: DomInfo = typeof o === 'string' ? { cls: o } : { ...(o ?? {}) };
		if (info.parent === undefined) info.parent = this;
		return createFakeElement(tag, info, callback);
	}

	createDiv(o?: DomInfo | string, callback?: (el: FakeElement) => void): FakeElement {
		return this.createEl('div', o, callback);
	}

	createSpan(o?: DomInfo | string, callback?: (el: FakeElement) => void): FakeElement {
		return this.createEl('span', o, callback);
	}

	createSvg(tag: string, o?: DomInfo | string, callback?: (el: FakeElement) => void): FakeElement {
		const info: DomInfo = typeof o === 'string' ? { cls: o } : { ...(o ?? {}) };
		if (info.parent === undefined) info.parent = this;
		return createFakeElement(tag, info, callback, true);
	}

	// ----- selectors (simple CSS subset, see matchesSelector) -----

	querySelectorAll(selector: string): FakeElement[] {
		const out: FakeElement[] = [];
		const visit = (node: FakeNode) => {
			for (const child of node.childNodes) {
				if (child instanceof FakeElement) {
					if (matchesSelector(child, selector, null)) out.push(child);
					visit(child);
				}
			}
		};
		visit(this);
		return out;
	}

	querySelector(selector: string): FakeElement | null {
		return this.querySelectorAll(selector)[0] ?? null;
	}

	/** Obsidian: first descendant matching the selector, or null. */
	find(selector: string): FakeElement | null {
		return this.querySelector(selector);
	}

	findAll(selector: string): FakeElement[] {
		return this.querySelectorAll(selector);
	}

	// ----- events -----

	addEventListener(
		type: string,
		listener: ListenerEntry['listener'] | null,
		options?: boolean | { capture?: boolean; once?: boolean },
	): void {
		if (!listener) return;
		const capture = typeof options === 'boolean' ? options : options?.capture === true;
		const once = typeof options === 'object' && options?.once === true;
		if (this.listeners.some((l) => l.type === type && l.listener === listener && l.capture === capture)) return;
		this.listeners.push({ type, listener, capture, once });
	}

	removeEventListener(
		type: string,
		listener: ListenerEntry['listener'] | null,
		options?: boolean | { capture?: boolean },
	): void {
		const capture = typeof options === 'boolean' ? options : options?.capture === true;
		this.listeners = this.listeners.filter(
			(l) => !(l.type === type && l.listener === listener && l.capture === capture),
		);
	}

	/** Number of listeners for a type (tests use it to check that registerDomEvent cleaned up). */
	listenerCount(type: string): number {
		return this.listeners.filter((l) => l.type === type).length;
	}

	/**
	 * Dispatches like a browser: capture phase from the root, the target, then bubbling if the event bubbles.
	 * Promises returned by listeners (async handlers) are tracked so tests can await them (see testing.ts).
	 */
	dispatchEvent(input: FakeEvent | Event): boolean {
		const event = input as unknown as FakeEvent;
		setEventProp(event, 'target', this);
		const path: FakeNode[] = [];
		for (let node: FakeNode | null = this; node; node = node.parentNode) path.push(node);
		// Capture phase (root -> parent of the target), the target itself, then bubbling.
		for (let i = path.length - 1; i >= 1 && !event.propagationStopped; i--) path[i].invoke(event, 'capture');
		if (!event.propagationStopped) this.invoke(event, 'target');
		if (event.bubbles === true) {
			for (let i = 1; i < path.length && !event.propagationStopped; i++) path[i].invoke(event, 'bubble');
		}
		setEventProp(event, 'currentTarget', null);
		return !event.defaultPrevented;
	}

	private invoke(event: FakeEvent, phase: 'capture' | 'target' | 'bubble'): void {
		const entries = this.listeners.filter(
			(l) => l.type === event.type && (phase === 'target' || l.capture === (phase === 'capture')),
		);
		if (entries.length === 0) return;
		setEventProp(event, 'currentTarget', this);
		for (const entry of entries) {
			if (!this.listeners.includes(entry)) continue;
			if (entry.once) this.removeEventListener(entry.type, entry.listener, entry.capture);
			const fn = entry.listener;
			let result: unknown;
			try {
				result = typeof fn === 'function' ? fn.call(this, event) : fn.handleEvent(event);
			} catch (error) {
				trackHandlerResult(Promise.reject(error), `${event.type} listener`);
				continue;
			}
			trackHandlerResult(result, `${event.type} listener`);
			if (event.immediatePropagationStopped) break;
		}
	}

	abstract cloneNode(deep?: boolean): FakeNode;
}

function setEventProp(event: FakeEvent, key: 'target' | 'currentTarget', value: FakeNode | null): void {
	if (event instanceof FakeEvent) {
		event[key] = value;
		return;
	}
	// A native Node Event: its target is a read-only accessor, so shadow it on the instance.
	Object.defineProperty(event, key, { value, configurable: true, writable: true });
}

export class FakeText extends FakeNode {
	readonly nodeType = FakeNode.TEXT_NODE;
	readonly nodeName = '#text';
	data: string;

	constructor(data: string) {
		super();
		this.data = data;
	}

	override get textContent(): string {
		return this.data;
	}

	override set textContent(value: string | null) {
		this.data = value ?? '';
	}

	cloneNode(): FakeText {
		return new FakeText(this.data);
	}
}

/** A CSSStyleDeclaration stand-in: camelCase properties plus setProperty for custom properties. */
export class FakeStyle {
	[prop: string]: unknown;

	setProperty(name: string, value: string | null): void {
		if (name.startsWith('--')) customProps(this).set(name, value ?? '');
		else this[kebabToCamel(name)] = value ?? '';
	}

	get cssText(): string {
		const parts: string[] = [];
		for (const [key, value] of Object.entries(this)) {
			if (typeof value === 'string' && value !== '') parts.push(`${camelToKebab(key)}: ${value};`);
		}
		for (const [key, value] of customProps(this)) parts.push(`${key}: ${value};`);
		return parts.join(' ');
	}
}

const customPropStore = new WeakMap<FakeStyle, Map<string, string>>();
function customProps(style: FakeStyle): Map<string, string> {
	let map = customPropStore.get(style);
	if (!map) {
		map = new Map();
		customPropStore.set(style, map);
	}
	return map;
}

function kebabToCamel(name: string): string {
	return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function camelToKebab(name: string): string {
	return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

class FakeClassList {
	constructor(private readonly el: FakeElement) {}

	private read(): string[] {
		return (this.el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
	}

	private write(classes: string[]): void {
		this.el.setAttribute('class', [...new Set(classes)].join(' '));
	}

	get length(): number {
		return this.read().length;
	}

	get value(): string {
		return this.read().join(' ');
	}

	item(index: number): string | null {
		return this.read()[index] ?? null;
	}

	contains(cls: string): boolean {
		return this.read().includes(cls);
	}

	add(...classes: string[]): void {
		this.write([...this.read(), ...classes.filter(Boolean)]);
	}

	remove(...classes: string[]): void {
		this.write(this.read().filter((c) => !classes.includes(c)));
	}

	toggle(cls: string, force?: boolean): boolean {
		const on = force ?? !this.contains(cls);
		if (on) this.add(cls);
		else this.remove(cls);
		return on;
	}

	[Symbol.iterator](): Iterator<string> {
		return this.read()[Symbol.iterator]();
	}

	toString(): string {
		return this.value;
	}
}

const VOID_TAGS = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'source',
	'track',
	'wbr',
]);
const DISABLEABLE = new Set(['button', 'input', 'select', 'textarea', 'option', 'optgroup', 'fieldset']);

export class FakeElement extends FakeNode {
	readonly nodeType = FakeNode.ELEMENT_NODE;
	/** Lower-case tag name ('div'); `tagName`/`nodeName` give the upper-case DOM form. */
	readonly localName: string;
	readonly namespaceURI: string;
	private readonly attrs = new Map<string, string>();
	readonly classList: FakeClassList;
	readonly style = new FakeStyle();
	/** Form state that the DOM keeps apart from attributes ("dirty value", checkedness). */
	private dirtyValue: string | null = null;
	private dirtyChecked: boolean | null = null;
	private selectedFlag: boolean | null = null;

	constructor(tag: string, svg = false) {
		super();
		this.localName = svg ? tag : tag.toLowerCase();
		this.namespaceURI = svg ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml';
		this.classList = new FakeClassList(this);
	}

	get tagName(): string {
		return this.namespaceURI.endsWith('svg') ? this.localName : this.localName.toUpperCase();
	}

	get nodeName(): string {
		return this.tagName;
	}

	// ----- attributes -----

	getAttribute(name: string): string | null {
		return this.attrs.get(name.toLowerCase()) ?? null;
	}

	setAttribute(name: string, value: unknown): void {
		this.attrs.set(name.toLowerCase(), String(value));
	}

	removeAttribute(name: string): void {
		this.attrs.delete(name.toLowerCase());
	}

	hasAttribute(name: string): boolean {
		return this.attrs.has(name.toLowerCase());
	}

	toggleAttribute(name: string, force?: boolean): boolean {
		const on = force ?? !this.hasAttribute(name);
		if (on) this.setAttribute(name, '');
		else this.removeAttribute(name);
		return on;
	}

	getAttributeNames(): string[] {
		return [...this.attrs.keys()];
	}

	get attributes(): { name: string; value: string }[] {
		return [...this.attrs].map(([name, value]) => ({ name, value }));
	}

	private reflect(name: string): string {
		return this.getAttribute(name) ?? '';
	}

	get id(): string {
		return this.reflect('id');
	}
	set id(v: string) {
		this.setAttribute('id', v);
	}
	get className(): string {
		return this.reflect('class');
	}
	set className(v: string) {
		this.setAttribute('class', v);
	}
	get title(): string {
		return this.reflect('title');
	}
	set title(v: string) {
		this.setAttribute('title', v);
	}
	get placeholder(): string {
		return this.reflect('placeholder');
	}
	set placeholder(v: string) {
		this.setAttribute('placeholder', v);
	}
	get href(): string {
		return this.reflect('href');
	}
	set href(v: string) {
		this.setAttribute('href', v);
	}
	get src(): string {
		return this.reflect('src');
	}
	set src(v: string) {
		this.setAttribute('src', v);
	}
	get name(): string {
		return this.reflect('name');
	}
	set name(v: string) {
		this.setAttribute('name', v);
	}
	get min(): string {
		return this.reflect('min');
	}
	set min(v: string) {
		this.setAttribute('min', v);
	}
	get max(): string {
		return this.reflect('max');
	}
	set max(v: string) {
		this.setAttribute('max', v);
	}
	get step(): string {
		return this.reflect('step');
	}
	set step(v: string) {
		this.setAttribute('step', v);
	}
	get rows(): number {
		return Number(this.getAttribute('rows') ?? 2);
	}
	set rows(v: number) {
		this.setAttribute('rows', v);
	}
	get type(): string {
		const t = this.getAttribute('type');
		if (this.localName === 'input') return (t ?? 'text').toLowerCase();
		if (this.localName === 'button') return (t ?? 'submit').toLowerCase();
		if (this.localName === 'select') return this.hasAttribute('multiple') ? 'select-multiple' : 'select-one';
		if (this.localName === 'textarea') return 'textarea';
		return t ?? '';
	}
	set type(v: string) {
		this.setAttribute('type', v);
	}
	get disabled(): boolean {
		return this.hasAttribute('disabled');
	}
	set disabled(v: boolean) {
		this.toggleAttribute('disabled', !!v);
	}
	get readOnly(): boolean {
		return this.hasAttribute('readonly');
	}
	set readOnly(v: boolean) {
		this.toggleAttribute('readonly', !!v);
	}
	get hidden(): boolean {
		return this.hasAttribute('hidden');
	}
	set hidden(v: boolean) {
		this.toggleAttribute('hidden', !!v);
	}
	get tabIndex(): number {
		return Number(this.getAttribute('tabindex') ?? -1);
	}
	set tabIndex(v: number) {
		this.setAttribute('tabindex', v);
	}
	get spellcheck(): boolean {
		return this.getAttribute('spellcheck') !== 'false';
	}
	set spellcheck(v: boolean) {
		this.setAttribute('spellcheck', v ? 'true' : 'false');
	}
	get ariaLabel(): string | null {
		return this.getAttribute('aria-label');
	}
	set ariaLabel(v: string | null) {
		if (v === null) this.removeAttribute('aria-label');
		else this.setAttribute('aria-label', v);
	}

	/** data-* attributes as a live object, like HTMLElement.dataset. */
	get dataset(): Record<string, string | undefined> {
		return new Proxy({} as Record<string, string | undefined>, {
			get: (_, key) =>
				typeof key === 'string' ? (this.getAttribute(`data-${camelToKebab(key)}`) ?? undefined) : undefined,
			set: (_, key, value) => {
				if (typeof key === 'string') this.setAttribute(`data-${camelToKebab(key)}`, String(value));
				return true;
			},
			deleteProperty: (_, key) => {
				if (typeof key === 'string') this.removeAttribute(`data-${camelToKebab(key)}`);
				return true;
			},
			ownKeys: () =>
				this.getAttributeNames()
					.filter((n) => n.startsWith('data-'))
					.map((n) => kebabToCamel(n.slice(5))),
			getOwnPropertyDescriptor: (_, key) => {
				if (typeof key !== 'string') return undefined;
				const value = this.getAttribute(`data-${camelToKebab(key)}`);
				return value === null ? undefined : { value, enumerable: true, configurable: true, writable: true };
			},
		});
	}

	// ----- form state -----

	/**
	 * `value` follows the DOM: inputs/textareas keep a dirty value apart from the attribute; a select's
	 * value is its selected option's and assigning an unknown value selects nothing (value ''); a range
	 * input clamps to min/max and snaps to step.
	 */
	get value(): string {
		switch (this.localName) {
			case 'select': {
				const option = this.selectedOption();
				return option ? option.value : '';
			}
			case 'option':
				return this.getAttribute('value') ?? this.textContent;
			case 'textarea':
				return this.dirtyValue ?? this.textContent;
			case 'input': {
				const raw = this.dirtyValue ?? this.getAttribute('value');
				if (this.type === 'range') return this.sanitizeRange(raw);
				if (this.type === 'checkbox' || this.type === 'radio') return raw ?? 'on';
				return raw ?? '';
			}
			default:
				return this.getAttribute('value') ?? '';
		}
	}

	set value(v: string) {
		const value = v === null || v === undefined ? '' : String(v);
		switch (this.localName) {
			case 'select': {
				const options = this.options;
				const match = options.find((o) => o.value === value);
				for (const o of options) o.selectedFlag = o === match;
				if (!match) this.noSelection = true;
				else this.noSelection = false;
				return;
			}
			case 'option':
				this.setAttribute('value', value);
				return;
			case 'input':
				this.dirtyValue = this.type === 'range' ? this.sanitizeRange(value) : value;
				return;
			case 'textarea':
				this.dirtyValue = value;
				return;
			default:
				this.setAttribute('value', value);
		}
	}

	get valueAsNumber(): number {
		return this.value === '' ? NaN : Number(this.value);
	}

	set valueAsNumber(v: number) {
		this.value = String(v);
	}

	private sanitizeRange(raw: string | null): string {
		const min = this.hasAttribute('min') ? Number(this.getAttribute('min')) : 0;
		const max0 = this.hasAttribute('max') ? Number(this.getAttribute('max')) : 100;
		const max = max0 < min ? min : max0;
		let n =
			raw === null || raw === '' || isNaN(Number(raw)) ? (max < min ? min : min + (max - min) / 2) : Number(raw);
		n = Math.min(max, Math.max(min, n));
		const stepAttr = this.getAttribute('step');
		if (stepAttr !== 'any') {
			const step = stepAttr === null || isNaN(Number(stepAttr)) || Number(stepAttr) <= 0 ? 1 : Number(stepAttr);
			n = min + Math.round((n - min) / step) * step;
			if (n > max) n -= step;
			n = Number(n.toFixed(10));
		}
		return String(n);
	}

	private noSelection = false;

	/** HTML's selectedness algorithm: inserting an option into a select with nothing selected selects one. */
	protected override childInserted(node: FakeNode): void {
		if (!(node instanceof FakeElement)) return;
		const select = this.localName === 'select' ? this : this.closest('select');
		if (select && (node.localName === 'option' || node.querySelector('option'))) select.noSelection = false;
	}

	/** The option elements of a select (descendants, including inside optgroups). */
	get options(): FakeElement[] {
		return this.querySelectorAll('option');
	}

	private selectedOption(): FakeElement | null {
		const options = this.options;
		const explicit = options.filter((o) => o.selectedFlag === true);
		if (explicit.length > 0) return explicit[explicit.length - 1];
		if (this.noSelection) return null;
		const attr = options.filter((o) => o.selectedFlag === null && o.hasAttribute('selected'));
		if (attr.length > 0) return attr[attr.length - 1];
		return options.find((o) => !o.disabled) ?? null;
	}

	get selectedIndex(): number {
		const option = this.selectedOption();
		return option ? this.options.indexOf(option) : -1;
	}

	set selectedIndex(index: number) {
		const options = this.options;
		options.forEach((o, i) => (o.selectedFlag = i === index));
		this.noSelection = index < 0 || index >= options.length;
	}

	get selected(): boolean {
		const select = this.closest('select');
		if (select) return select.selectedOption() === this;
		return this.selectedFlag ?? this.hasAttribute('selected');
	}

	set selected(v: boolean) {
		const select = this.closest('select');
		if (select && v) {
			for (const o of select.options) o.selectedFlag = o === this;
			select.noSelection = false;
		} else {
			this.selectedFlag = v;
		}
	}

	get checked(): boolean {
		return this.dirtyChecked ?? this.hasAttribute('checked');
	}

	set checked(v: boolean) {
		this.dirtyChecked = !!v;
	}

	// ----- content -----

	get innerText(): string {
		return this.textContent;
	}

	set innerText(v: string) {
		this.textContent = v;
	}

	get innerHTML(): string {
		return this.childNodes.map(serialize).join('');
	}

	set innerHTML(html: string) {
		// Parsing HTML is out of scope (and Obsidian's guidelines forbid innerHTML); plain text is accepted.
		if (/[<&]/.test(html))
			throw new Error('Fake DOM: innerHTML with markup is not supported; build elements with createEl');
		this.textContent = html;
	}

	get outerHTML(): string {
		return serialize(this);
	}

	// ----- Obsidian's Element extensions -----

	getText(): string {
		return this.textContent;
	}

	setText(val: string | DocumentFragment | FakeFragment): void {
		this.empty();
		if (val instanceof FakeFragment) this.appendChild(val);
		else this.textContent = String(val);
	}

	setCssStyles(styles: Record<string, unknown>): void {
		Object.assign(this.style, styles);
	}

	addClass(...classes: string[]): void {
		this.classList.add(...classes.flatMap(splitClasses));
	}

	removeClass(...classes: string[]): void {
		this.classList.remove(...classes.flatMap(splitClasses));
	}

	toggleClass(classes: string | string[], value: boolean): void {
		for (const cls of (Array.isArray(classes) ? classes : [classes]).flatMap(splitClasses))
			this.classList.toggle(cls, value);
	}

	hasClass(cls: string): boolean {
		return this.classList.contains(cls);
	}

	setAttr(name: string, value: string | number | boolean | null): void {
		if (value === null) this.removeAttribute(name);
		else this.setAttribute(name, String(value));
	}

	matchParent(selector: string, lastParent?: FakeElement): FakeElement | null {
		for (let el: FakeElement | null = this; el && el !== lastParent; el = el.parentElement) {
			if (el.matches(selector)) return el;
		}
		return null;
	}

	show(): void {
		this.style.display = '';
	}

	hide(): void {
		this.style.display = 'none';
	}

	toggle(show: boolean): void {
		if (show) this.show();
		else this.hide();
	}

	get innerWidth(): number {
		return 0;
	}

	get innerHeight(): number {
		return 0;
	}

	on(
		type: string,
		selector: string,
		listener: (ev: FakeEvent, delegateTarget: FakeElement) => unknown,
		options?: boolean | { capture?: boolean },
	): void {
		const callback: Listener = (event) => {
			const target = event.target;
			if (!(target instanceof FakeElement)) return undefined;
			const match = target.matchParent(selector, this.parentElement ?? undefined);
			if (match && this.contains(match)) return listener.call(this, event, match);
			return undefined;
		};
		this._EVENTS ??= {};
		(this._EVENTS[type] ??= []).push({ selector, listener, options, callback });
		this.addEventListener(type, callback, options);
	}

	off(type: string, selector: string, listener: unknown, options?: boolean | { capture?: boolean }): void {
		const entries = this._EVENTS?.[type] ?? [];
		for (const entry of entries.filter((e) => e.selector === selector && e.listener === listener)) {
			this.removeEventListener(type, entry.callback, options);
			entries.splice(entries.indexOf(entry), 1);
		}
	}

	trigger(eventType: string): void {
		this.dispatchEvent(createEvent(eventType));
	}

	// ----- DOM methods -----

	matches(selector: string): boolean {
		return matchesSelector(this, selector, null);
	}

	closest(selector: string): FakeElement | null {
		return this.matchParent(selector);
	}

	/**
	 * click() as in a browser: nothing happens on a disabled control; a checkbox toggles before the
	 * click listeners run and then fires input and change.
	 */
	click(): void {
		if (DISABLEABLE.has(this.localName) && this.disabled) return;
		const isCheck = this.localName === 'input' && (this.type === 'checkbox' || this.type === 'radio');
		if (isCheck) this.checked = this.type === 'radio' ? true : !this.checked;
		this.dispatchEvent(createEvent('click', { button: 0 }));
		if (isCheck) {
			this.dispatchEvent(createEvent('input'));
			this.dispatchEvent(createEvent('change'));
		}
	}

	focus(): void {
		const doc = getFakeDocument();
		const previous = doc.activeElement;
		if (previous === this) return;
		doc.activeElement = this;
		if (previous) previous.dispatchEvent(createEvent('blur', { bubbles: false }));
		this.dispatchEvent(createEvent('focus', { bubbles: false }));
	}

	blur(): void {
		const doc = getFakeDocument();
		if (doc.activeElement === this) {
			doc.activeElement = null;
			this.dispatchEvent(createEvent('blur', { bubbles: false }));
		}
	}

	select(): void {
		// Text selection inside inputs is not modelled.
	}

	scrollIntoView(): void {}

	scrollTo(): void {}

	cloneNode(deep = false): FakeElement {
		const copy = new FakeElement(this.localName, this.namespaceURI.endsWith('svg'));
		for (const [k, v] of this.attrs) copy.attrs.set(k, v);
		Object.assign(copy.style, this.style);
		if (deep) for (const child of this.childNodes) copy.appendChild(child.cloneNode(true));
		return copy;
	}

	toString(): string {
		return this.outerHTML;
	}
}

function splitClasses(cls: string): string[] {
	return String(cls).split(/\s+/).filter(Boolean);
}

export class FakeFragment extends FakeNode {
	readonly nodeType = FakeNode.DOCUMENT_FRAGMENT_NODE;
	readonly nodeName = '#document-fragment';

	cloneNode(deep = false): FakeFragment {
		const copy = new FakeFragment();
		if (deep) for (const child of this.childNodes) copy.appendChild(child.cloneNode(true));
		return copy;
	}
}

export class FakeDocument extends FakeNode {
	readonly nodeType = FakeNode.DOCUMENT_NODE;
	readonly nodeName = '#document';
	readonly documentElement: FakeElement;
	readonly head: FakeElement;
	readonly body: FakeElement;
	activeElement: FakeElement | null = null;
	defaultView: unknown = undefined;

	constructor() {
		super();
		this.documentElement = new FakeElement('html');
		this.appendChild(this.documentElement);
		this.head = this.documentElement.createEl('head');
		this.body = this.documentElement.createEl('body');
	}

	hasFocus(): boolean {
		return true;
	}

	cloneNode(): FakeDocument {
		return new FakeDocument();
	}
}

let fakeDocument: FakeDocument | null = null;
export function getFakeDocument(): FakeDocument {
	fakeDocument ??= new FakeDocument();
	return fakeDocument;
}

/** Obsidian's createEl: a new element with classes, text, attributes, and optionally a parent. */
export function createFakeElement(
	tag: string,
	o?: DomInfo | string,
	callback?: (el: FakeElement) => void,
	svg = false,
): FakeElement {
	const info: DomInfo = typeof o === 'string' ? { cls: o } : (o ?? {});
	const el = new FakeElement(tag, svg);
	if (info.cls !== undefined) el.addClass(...(Array.isArray(info.cls) ? info.cls : [info.cls]));
	if (info.text !== undefined) el.setText(info.text as string | FakeFragment);
	if (info.attr) for (const [key, value] of Object.entries(info.attr)) el.setAttr(key, value);
	if (info.title !== undefined) el.title = info.title;
	if (info.type !== undefined) el.type = info.type;
	if (info.value !== undefined) el.value = info.value;
	if (info.placeholder !== undefined) el.placeholder = info.placeholder;
	if (info.href !== undefined) el.href = info.href;
	const parent = info.parent;
	if (parent instanceof FakeNode) {
		if (info.prepend) parent.insertBefore(el, parent.firstChild);
		else parent.appendChild(el);
	}
	if (callback) callback(el);
	return el;
}

export function createFakeFragment(callback?: (el: FakeFragment) => void): FakeFragment {
	const fragment = new FakeFragment();
	if (callback) callback(fragment);
	return fragment;
}

/** Text of a string or (fake) DocumentFragment/element, as Obsidian would display it. */
export function textOf(value: unknown): string {
	if (value instanceof FakeNode) return value.textContent;
	if (value === null || value === undefined) return '';
	return String(value);
}

// ----- type bridges: the rest of the fake is typed with the real DOM/Obsidian types -----

export function asDom<T = HTMLElement>(el: FakeNode): T {
	return el as unknown as T;
}

export function asFake(el: unknown): FakeElement {
	if (el instanceof FakeElement) return el;
	throw new TypeError('Fake DOM: expected an element created by the fake (createEl/createDiv)');
}

export function asFakeNode(node: unknown): FakeNode {
	if (node instanceof FakeNode) return node;
	throw new TypeError('Fake DOM: expected a node created by the fake');
}

// ----- serialization -----

function escapeText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function serialize(node: FakeNode): string {
	if (node instanceof FakeText) return escapeText(node.data);
	if (node instanceof FakeElement) {
		const attrs = node.attributes
			.map(({ name, value }) => ` ${name}="${escapeText(value).replace(/"/g, '&quot;')}"`)
			.join('');
		const style = node.style.cssText;
		const styleAttr = style && !node.hasAttribute('style') ? ` style="${style}"` : '';
		const open = `<${node.localName}${attrs}${styleAttr}>`;
		if (VOID_TAGS.has(node.localName)) return open;
		return `${open}${node.childNodes.map(serialize).join('')}</${node.localName}>`;
	}
	return node.childNodes.map(serialize).join('');
}

// ----- selectors -----

interface Compound {
	tag?: string;
	id?: string;
	classes: string[];
	attrs: { name: string; op?: string; value?: string }[];
	not: string[];
}

const selectorCache = new Map<string, { compound: Compound; combinator: ' ' | '>' | null }[][]>();

function parseSelector(selector: string): { compound: Compound; combinator: ' ' | '>' | null }[][] {
	const cached = selectorCache.get(selector);
	if (cached) return cached;
	const groups = splitTopLevel(selector, ',').map((group) => {
		const parts: { compound: Compound; combinator: ' ' | '>' | null }[] = [];
		const tokens = group
			.trim()
			.replace(/\s*>\s*/g, ' > ')
			.split(/\s+(?![^[]*\])/)
			.filter(Boolean);
		let combinator: ' ' | '>' | null = null;
		for (const token of tokens) {
			if (token === '>') {
				combinator = '>';
				continue;
			}
			parts.push({ compound: parseCompound(token), combinator: parts.length === 0 ? null : (combinator ?? ' ') });
			combinator = null;
		}
		return parts;
	});
	selectorCache.set(selector, groups);
	return groups;
}

function splitTopLevel(text: string, sep: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let current = '';
	for (const ch of text) {
		if (ch === '[' || ch === '(') depth++;
		if (ch === ']' || ch === ')') depth--;
		if (ch === sep && depth === 0) {
			out.push(current);
			current = '';
		} else current += ch;
	}
	out.push(current);
	return out;
}

function parseCompound(token: string): Compound {
	const compound: Compound = { classes: [], attrs: [], not: [] };
	const re =
		// eslint-disable-next-line max-len -- one regular expression reads best on one line
		/^(\*|[a-zA-Z][\w-]*)|#([\w-]+)|\.([\w-]+)|\[\s*([\w-]+)\s*(?:([~^$*|]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*)))?\s*\]|:not\(([^)]*)\)/g;
	let match: RegExpExecArray | null;
	let consumed = 0;
	while ((match = re.exec(token)) !== null) {
		if (match.index !== consumed) break;
		consumed = re.lastIndex;
		if (match[1]) compound.tag = match[1] === '*' ? undefined : match[1].toLowerCase();
		else if (match[2]) compound.id = match[2];
		else if (match[3]) compound.classes.push(match[3]);
		else if (match[4])
			compound.attrs.push({
				name: match[4].toLowerCase(),
				op: match[5],
				value: match[6] ?? match[7] ?? match[8],
			});
		else if (match[9] !== undefined) compound.not.push(match[9]);
	}
	if (consumed !== token.length) throw new Error(`Fake DOM: unsupported selector "${token}"`);
	return compound;
}

function matchesCompound(el: FakeElement, c: Compound): boolean {
	if (c.tag && el.localName.toLowerCase() !== c.tag) return false;
	if (c.id && el.id !== c.id) return false;
	for (const cls of c.classes) if (!el.hasClass(cls)) return false;
	for (const a of c.attrs) {
		const value = el.getAttribute(a.name);
		if (value === null) return false;
		if (a.op === undefined) continue;
		const want = a.value ?? '';
		const ok =
			a.op === '='
				? value === want
				: a.op === '~='
					? value.split(/\s+/).includes(want)
					: a.op === '^='
						? value.startsWith(want)
						: a.op === '$='
							? value.endsWith(want)
							: a.op === '*='
								? value.includes(want)
								: value === want || value.startsWith(`${want}-`);
		if (!ok) return false;
	}
	for (const inner of c.not) if (el.matches(inner)) return false;
	return true;
}

/** Matches `el` against a selector list; `scope` bounds ancestor matching for descendant combinators. */
export function matchesSelector(el: FakeElement, selector: string, scope: FakeNode | null): boolean {
	return parseSelector(selector).some((parts) => matchParts(el, parts, parts.length - 1, scope));
}

function matchParts(
	el: FakeElement,
	parts: { compound: Compound; combinator: ' ' | '>' | null }[],
	index: number,
	scope: FakeNode | null,
): boolean {
	if (!matchesCompound(el, parts[index].compound)) return false;
	if (index === 0) return true;
	const combinator = parts[index].combinator;
	let parent = el.parentElement;
	if (combinator === '>') return !!parent && parent !== scope && matchParts(parent, parts, index - 1, scope);
	while (parent && parent !== scope) {
		if (matchParts(parent, parts, index - 1, scope)) return true;
		parent = parent.parentElement;
	}
	return false;
}
