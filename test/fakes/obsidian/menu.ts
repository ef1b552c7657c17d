/**
 * Context menus. A Menu records its items; showing it adds it to the shown-menu registry (see
 * `lastMenu()`/`clickMenuItem()` in testing.ts). Clicking an item hides the menu, then runs the item's
 * callback (menus are not rendered as DOM).
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { Component } from './component';
import { textOf } from './dom';
import { state, trackHandlerResult } from './registry';

export class MenuItem implements Faithful<O.MenuItem> {
	/** @internal */ title = '';
	/** @internal */ icon: string | null = null;
	/** @internal */ checked: boolean | null = null;
	/** @internal */ disabled = false;
	/** @internal */ warning = false;
	/** @internal */ isLabel = false;
	/** @internal */ section = '';
	/** @internal */ callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

	/** @internal Use Menu.addItem. */
	constructor(readonly menu: Menu) {}

	setTitle(title: string | DocumentFragment): this {
		this.title = textOf(title);
		return this;
	}

	setIcon(icon: string | null): this {
		this.icon = icon;
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}

	setWarning(isWarning: boolean): this {
		this.warning = isWarning;
		return this;
	}

	onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.callback = callback;
		return this;
	}
}

export class MenuSeparator implements Faithful<O.MenuSeparator> {}

export class Menu extends Component implements Faithful<O.Menu> {
	/** @internal */ readonly items: (MenuItem | MenuSeparator)[] = [];
	/** @internal */ shown = false;
	private readonly hideCallbacks: (() => unknown)[] = [];

	addItem(cb: (item: O.MenuItem) => unknown): this {
		if (this.shown) return this;
		const item = new MenuItem(this);
		cb(item as unknown as O.MenuItem);
		this.items.push(item);
		return this;
	}

	showAtPosition(_position: O.MenuPositionDef, _doc?: Document): this {
		return this.show();
	}

	private show(): this {
		if (!this.shown) {
			this.shown = true;
			state.shownMenus.push(this);
			this.load();
		}
		return this;
	}

	hide(): this {
		if (this.shown) {
			this.shown = false;
			const index = state.shownMenus.indexOf(this);
			if (index !== -1) state.shownMenus.splice(index, 1);
			this.unload();
			for (const cb of this.hideCallbacks) trackHandlerResult(cb(), 'menu onHide');
		}
		return this;
	}

	close(): void {
		this.hide();
	}

	onHide(callback: () => unknown): void {
		this.hideCallbacks.push(callback);
	}

	onHistoryBack(): void {
		this.hide();
	}

	/** @internal Menu items (not separators), in order. */
	get menuItems(): MenuItem[] {
		return this.items.filter((i): i is MenuItem => i instanceof MenuItem);
	}
}
