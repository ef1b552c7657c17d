import { Notice } from 'obsidian';

const FINAL_NOTICE_MS = 10_000;

/**
 * A notice that stays while a digest is being made, shows its stage, and has a Cancel button that aborts
 * the run. The run is aborted too when `lifetime` ends: a plugin being unloaded writes nothing more.
 */
export class ProgressNotice {
	private readonly notice: Notice;
	private messageEl: HTMLElement | null = null;
	private readonly controller = new AbortController();
	private readonly stopWithPlugin = () => this.controller.abort();

	constructor(
		message: string,
		private readonly lifetime: AbortSignal,
	) {
		if (lifetime.aborted) this.controller.abort();
		else lifetime.addEventListener('abort', this.stopWithPlugin, { once: true });
		const fragment = createFragment((root) => {
			this.messageEl = root.createDiv({ cls: 'youtube-digest-progress', text: message });
			const cancel = root.createEl('button', { cls: 'youtube-digest-cancel', text: 'Cancel' });
			cancel.addEventListener('click', (event) => {
				// A click on a notice dismisses it; the run's own end replaces it instead.
				event.stopPropagation();
				this.cancel();
			});
		});
		this.notice = new Notice(fragment, 0);
	}

	get signal(): AbortSignal {
		return this.controller.signal;
	}

	cancel(): void {
		if (this.controller.signal.aborted) return;
		this.setMessage('Cancelling…');
		this.controller.abort();
	}

	setMessage(message: string): void {
		this.messageEl?.setText(message);
	}

	/** Replaces the progress notice with the run's outcome. */
	finish(message: string | DocumentFragment): void {
		this.lifetime.removeEventListener('abort', this.stopWithPlugin);
		this.notice.hide();
		new Notice(message, FINAL_NOTICE_MS);
	}
}
