import type * as O from 'obsidian';
import type { Faithful } from './conformance';
import { asDom, createFakeElement, FakeElement, FakeFragment, getFakeDocument, textOf } from './dom';
import { state, type NoticeRecord } from './registry';

function noticeContainer(): FakeElement {
	const body = getFakeDocument().body;
	return body.find('.notice-container') ?? body.createDiv('notice-container');
}

/**
 * A notice. Every notice is recorded (see `notices()`/`lastNotice()` in testing.ts) with its live text,
 * the messages it was given, and whether it was hidden. As in Obsidian, clicking a notice hides it
 * (unless the click's propagation is stopped inside it). The fake does not hide notices when their
 * duration elapses (no timers are left behind); `hidden` reflects hide() and clicks.
 */
export class Notice implements Faithful<O.Notice> {
	/** @deprecated in Obsidian; the same element as messageEl here. */
	noticeEl: HTMLElement;
	containerEl: HTMLElement;
	messageEl: HTMLElement;
	private readonly record: NoticeRecord;

	constructor(message: string | DocumentFragment, duration?: number) {
		const container = createFakeElement('div', { cls: 'notice', parent: noticeContainer() });
		const messageEl = container.createDiv('notice-message');
		this.containerEl = asDom(container);
		this.messageEl = asDom(messageEl);
		this.noticeEl = this.messageEl;
		container.addEventListener('click', () => this.hide());
		this.record = {
			notice: this,
			get message() {
				return messageEl.textContent;
			},
			messages: [],
			el: this.messageEl,
			duration,
			hidden: false,
		};
		state.notices.push(this.record);
		this.setMessage(message);
	}

	setMessage(message: string | DocumentFragment): this {
		const text = textOf(message);
		const el = this.messageEl as unknown as FakeElement;
		if (message instanceof FakeFragment) el.setText(message);
		else el.setText(String(message));
		this.record.messages.push(text);
		return this;
	}

	hide(): void {
		this.record.hidden = true;
		(this.containerEl as unknown as FakeElement).detach();
	}
}
