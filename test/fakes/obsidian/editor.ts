/**
 * Obsidian's Editor over a plain string buffer.
 *
 * Positions are {line, ch} with 0-based lines; positions passed to range/selection methods are clamped
 * into the document, while getLine/setLine reject a line that does not exist (CodeMirror's RangeError).
 * Selections are kept as offsets and mapped through each change the way CodeMirror 6 maps them with
 * assoc -1 (text inserted exactly at a cursor goes after the cursor; replaceSelection leaves each cursor
 * after its inserted text). Undo/redo restore whole-buffer snapshots.
 *
 * The editor does not know about files: MarkdownView (workspace.ts) passes an `onChange` that saves the
 * buffer to the vault and calls `setValueFromFile` when the file changes on disk.
 */
import type * as O from 'obsidian';
import type { Faithful } from './conformance';

interface Range {
	anchor: number;
	head: number;
}

interface Change {
	from: number;
	to: number;
	insert: string;
}

export abstract class Editor implements Faithful<O.Editor> {
	abstract refresh(): void;
	abstract getValue(): string;
	abstract setValue(content: string): void;
	abstract getLine(line: number): string;

	setLine(n: number, text: string): void {
		this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
	}

	abstract lineCount(): number;
	abstract lastLine(): number;
	abstract getSelection(): string;

	abstract getRange(from: O.EditorPosition, to: O.EditorPosition): string;
	abstract replaceSelection(replacement: string, origin?: string): void;
	abstract replaceRange(replacement: string, from: O.EditorPosition, to?: O.EditorPosition, origin?: string): void;
	abstract getCursor(side?: 'from' | 'to' | 'head' | 'anchor'): O.EditorPosition;
	abstract listSelections(): O.EditorSelection[];

	setCursor(pos: O.EditorPosition | number, ch?: number): void {
		const p = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos;
		this.setSelection(p, p);
	}

	abstract setSelection(anchor: O.EditorPosition, head?: O.EditorPosition): void;
	abstract setSelections(ranges: O.EditorSelectionOrCaret[], main?: number): void;
	abstract focus(): void;
	abstract blur(): void;
	abstract hasFocus(): boolean;
	abstract getScrollInfo(): { top: number; left: number };
	abstract scrollTo(x?: number | null, y?: number | null): void;
	abstract scrollIntoView(range: O.EditorRange, center?: boolean): void;
	abstract undo(): void;
	abstract redo(): void;
	abstract exec(command: O.EditorCommandName): void;
	abstract transaction(tx: O.EditorTransaction, origin?: string): void;
	abstract wordAt(pos: O.EditorPosition): O.EditorRange | null;
	abstract posToOffset(pos: O.EditorPosition): number;
	abstract offsetToPos(offset: number): O.EditorPosition;

	/** Runs `read` over every line touched by a selection, then applies the changes `write` returns. */
	processLines<T>(
		read: (line: number, lineText: string) => T | null,
		write: (line: number, lineText: string, value: T | null) => O.EditorChange | void,
		ignoreEmpty = false,
	): void {
		const lines = new Set<number>();
		for (const s of this.listSelections()) {
			const from = Math.min(s.anchor.line, s.head.line);
			const to = Math.max(s.anchor.line, s.head.line);
			for (let l = from; l <= to; l++) lines.add(l);
		}
		const values = new Map<number, T | null>();
		for (const l of [...lines].sort((a, b) => a - b)) {
			const text = this.getLine(l);
			if (ignoreEmpty && text.trim() === '') continue;
			values.set(l, read(l, text));
		}
		const changes: O.EditorChange[] = [];
		for (const [l, value] of values) {
			const change = write(l, this.getLine(l), value);
			if (change) changes.push(change);
		}
		if (changes.length > 0) this.transaction({ changes });
	}
}

export type EditorChangeListener = (editor: BufferEditor, origin: string | undefined) => void;

export class BufferEditor extends Editor {
	private text: string;
	private ranges: Range[] = [{ anchor: 0, head: 0 }];
	private mainIndex = 0;
	private focused = false;
	private readonly undoStack: { text: string; ranges: Range[] }[] = [];
	private readonly redoStack: { text: string; ranges: Range[] }[] = [];

	constructor(
		text: string,
		private readonly onChange: EditorChangeListener = () => undefined,
	) {
		super();
		this.text = text;
	}

	// ----- reading -----

	getValue(): string {
		return this.text;
	}

	private lines(): string[] {
		return this.text.split('\n');
	}

	/** Like CodeMirror 6 (which Obsidian asks for line n+1), an out-of-range line is a RangeError. */
	getLine(line: number): string {
		const lines = this.lines();
		if (!Number.isInteger(line) || line < 0 || line >= lines.length)
			throw new RangeError(`Invalid line number ${line + 1} in ${lines.length}-line document`);
		return lines[line];
	}

	lineCount(): number {
		return this.lines().length;
	}

	lastLine(): number {
		return this.lineCount() - 1;
	}

	posToOffset(pos: O.EditorPosition): number {
		const lines = this.lines();
		const line = Math.max(0, Math.min(lines.length - 1, Math.floor(pos.line)));
		let offset = 0;
		for (let i = 0; i < line; i++) offset += lines[i].length + 1;
		return offset + Math.max(0, Math.min(lines[line].length, Math.floor(pos.ch)));
	}

	offsetToPos(offset: number): O.EditorPosition {
		const clamped = Math.max(0, Math.min(this.text.length, Math.floor(offset)));
		const before = this.text.slice(0, clamped);
		const line = before.split('\n').length - 1;
		return { line, ch: clamped - (before.lastIndexOf('\n') + 1) };
	}

	getRange(from: O.EditorPosition, to: O.EditorPosition): string {
		const a = this.posToOffset(from);
		const b = this.posToOffset(to);
		return this.text.slice(Math.min(a, b), Math.max(a, b));
	}

	getSelection(): string {
		const r = this.ranges[this.mainIndex];
		return this.text.slice(Math.min(r.anchor, r.head), Math.max(r.anchor, r.head));
	}

	getCursor(side: 'from' | 'to' | 'head' | 'anchor' = 'head'): O.EditorPosition {
		const r = this.ranges[this.mainIndex];
		const offset =
			side === 'from' ? Math.min(r.anchor, r.head) : side === 'to' ? Math.max(r.anchor, r.head) : r[side];
		return this.offsetToPos(offset);
	}

	listSelections(): O.EditorSelection[] {
		return this.ranges.map((r) => ({ anchor: this.offsetToPos(r.anchor), head: this.offsetToPos(r.head) }));
	}

	wordAt(pos: O.EditorPosition): O.EditorRange | null {
		const offset = this.posToOffset(pos);
		const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
		if (!isWord(this.text[offset]) && !isWord(this.text[offset - 1])) return null;
		let from = offset;
		let to = offset;
		while (from > 0 && isWord(this.text[from - 1])) from--;
		while (to < this.text.length && isWord(this.text[to])) to++;
		return { from: this.offsetToPos(from), to: this.offsetToPos(to) };
	}

	// ----- selection -----

	setSelection(anchor: O.EditorPosition, head?: O.EditorPosition): void {
		const a = this.posToOffset(anchor);
		this.ranges = [{ anchor: a, head: head ? this.posToOffset(head) : a }];
		this.mainIndex = 0;
	}

	setSelections(ranges: O.EditorSelectionOrCaret[], main?: number): void {
		if (ranges.length === 0) return;
		this.ranges = ranges.map((r) => {
			const a = this.posToOffset(r.anchor);
			return { anchor: a, head: r.head ? this.posToOffset(r.head) : a };
		});
		this.mainIndex = Math.max(0, Math.min(this.ranges.length - 1, main ?? this.ranges.length - 1));
	}

	// ----- editing -----

	setValue(content: string): void {
		this.apply([{ from: 0, to: this.text.length, insert: String(content) }], undefined, 'setValue');
	}

	replaceRange(replacement: string, from: O.EditorPosition, to?: O.EditorPosition, origin?: string): void {
		const a = this.posToOffset(from);
		const b = to ? this.posToOffset(to) : a;
		this.apply([{ from: Math.min(a, b), to: Math.max(a, b), insert: replacement }], undefined, origin);
	}

	replaceSelection(replacement: string, origin?: string): void {
		const changes = this.ranges.map((r) => ({
			from: Math.min(r.anchor, r.head),
			to: Math.max(r.anchor, r.head),
			insert: replacement,
		}));
		this.apply(changes, 'after-insert', origin);
	}

	transaction(tx: O.EditorTransaction, origin?: string): void {
		const changes: Change[] = (tx.changes ?? []).map((c) => {
			const a = this.posToOffset(c.from);
			const b = c.to ? this.posToOffset(c.to) : a;
			return { from: Math.min(a, b), to: Math.max(a, b), insert: c.text };
		});
		let placement: 'after-insert' | undefined;
		if (tx.replaceSelection !== undefined) {
			for (const r of this.ranges)
				changes.push({
					from: Math.min(r.anchor, r.head),
					to: Math.max(r.anchor, r.head),
					insert: tx.replaceSelection,
				});
			placement = 'after-insert';
		}
		if (changes.length > 0) this.apply(changes, placement, origin);
		// The selection of a transaction is expressed in the resulting document.
		const toSel = (r: O.EditorRangeOrCaret): O.EditorSelectionOrCaret => ({ anchor: r.from, head: r.to ?? r.from });
		if (tx.selections && tx.selections.length > 0) this.setSelections(tx.selections.map(toSel));
		else if (tx.selection) this.setSelections([toSel(tx.selection)]);
	}

	/** Replaces the buffer with the file's new text (external change), keeping cursors where they map. */
	setValueFromFile(next: string): void {
		if (next === this.text) return;
		let start = 0;
		const max = Math.min(next.length, this.text.length);
		while (start < max && next[start] === this.text[start]) start++;
		let endOld = this.text.length;
		let endNew = next.length;
		while (endOld > start && endNew > start && this.text[endOld - 1] === next[endNew - 1]) {
			endOld--;
			endNew--;
		}
		this.apply([{ from: start, to: endOld, insert: next.slice(start, endNew) }], undefined, 'file', false);
	}

	private apply(
		input: Change[],
		placement: 'after-insert' | undefined,
		origin: string | undefined,
		notify = true,
	): void {
		const changes = [...input].sort((a, b) => a.from - b.from || a.to - b.to);
		for (let i = 1; i < changes.length; i++) {
			if (changes[i].from < changes[i - 1].to) throw new Error('Editor: overlapping changes in one transaction');
		}
		this.undoStack.push({ text: this.text, ranges: this.ranges.map((r) => ({ ...r })) });
		this.redoStack.length = 0;
		let out = this.text;
		for (let i = changes.length - 1; i >= 0; i--)
			out = out.slice(0, changes[i].from) + changes[i].insert + out.slice(changes[i].to);
		const map = (pos: number) => mapOffset(pos, changes);
		if (placement === 'after-insert') {
			// Each cursor ends after its own insertion (changes were built from the ranges, in order).
			this.ranges = this.ranges.map((r) => {
				const end = Math.max(r.anchor, r.head);
				const own = changes.find((c) => c.to === end && c.from === Math.min(r.anchor, r.head));
				const at = own ? mapOffset(own.from, changes) + own.insert.length : map(end);
				return { anchor: at, head: at };
			});
		} else {
			this.ranges = this.ranges.map((r) => ({ anchor: map(r.anchor), head: map(r.head) }));
		}
		this.text = out;
		if (notify) this.onChange(this, origin);
	}

	undo(): void {
		const previous = this.undoStack.pop();
		if (!previous) return;
		this.redoStack.push({ text: this.text, ranges: this.ranges });
		this.text = previous.text;
		this.ranges = previous.ranges;
		this.mainIndex = Math.min(this.mainIndex, this.ranges.length - 1);
		this.onChange(this, 'undo');
	}

	redo(): void {
		const next = this.redoStack.pop();
		if (!next) return;
		this.undoStack.push({ text: this.text, ranges: this.ranges });
		this.text = next.text;
		this.ranges = next.ranges;
		this.mainIndex = Math.min(this.mainIndex, this.ranges.length - 1);
		this.onChange(this, 'redo');
	}

	exec(command: O.EditorCommandName): void {
		const cursor = this.getCursor();
		switch (command) {
			case 'goStart':
				return this.setCursor(0, 0);
			case 'goEnd':
				return this.setCursor(this.offsetToPos(this.text.length));
			case 'goUp':
				return this.setCursor(Math.max(0, cursor.line - 1), cursor.ch);
			case 'goDown':
				return this.setCursor(Math.min(this.lastLine(), cursor.line + 1), cursor.ch);
			case 'goLeft':
				return this.setCursor(this.offsetToPos(this.posToOffset(cursor) - 1));
			case 'goRight':
				return this.setCursor(this.offsetToPos(this.posToOffset(cursor) + 1));
			case 'newlineAndIndent': {
				const indent = /^\s*/.exec(this.getLine(cursor.line))?.[0] ?? '';
				return this.replaceSelection(`\n${indent}`);
			}
			case 'deleteLine': {
				const last = this.lastLine();
				if (last === 0) return this.setValue('');
				const from =
					cursor.line === last
						? { line: cursor.line - 1, ch: this.getLine(cursor.line - 1).length }
						: { line: cursor.line, ch: 0 };
				const to =
					cursor.line === last
						? { line: cursor.line, ch: this.getLine(cursor.line).length }
						: { line: cursor.line + 1, ch: 0 };
				return this.replaceRange('', from, to);
			}
			case 'indentMore':
				return this.processLines(
					() => null,
					(line) => ({ from: { line, ch: 0 }, text: '\t' }),
				);
			case 'indentLess':
				return this.processLines(
					() => null,
					(line, text) => {
						const m = /^(\t| {1,4})/.exec(text);
						return m ? { from: { line, ch: 0 }, to: { line, ch: m[0].length }, text: '' } : undefined;
					},
				);
			case 'swapLineUp':
			case 'swapLineDown': {
				const other = command === 'swapLineUp' ? cursor.line - 1 : cursor.line + 1;
				if (other < 0 || other > this.lastLine()) return;
				const a = this.getLine(cursor.line);
				const b = this.getLine(other);
				const first = Math.min(cursor.line, other);
				const [top, bottom] = first === cursor.line ? [b, a] : [a, b];
				this.replaceRange(
					`${top}\n${bottom}`,
					{ line: first, ch: 0 },
					{ line: first + 1, ch: this.getLine(first + 1).length },
				);
				return this.setCursor(other, cursor.ch);
			}
			default:
				return undefined; // word motions and folding are not modelled
		}
	}

	// ----- view state -----

	refresh(): void {}

	focus(): void {
		this.focused = true;
	}

	blur(): void {
		this.focused = false;
	}

	hasFocus(): boolean {
		return this.focused;
	}

	getScrollInfo(): { top: number; left: number } {
		return { top: 0, left: 0 };
	}

	scrollTo(): void {}

	scrollIntoView(): void {}
}

/** Maps an offset through simultaneous, sorted, non-overlapping changes (assoc -1). */
function mapOffset(pos: number, changes: Change[]): number {
	let delta = 0;
	for (const c of changes) {
		if (c.from > pos) break;
		if (c.to < pos || (c.to === pos && c.to > c.from)) {
			// Entirely before pos, or pos sits at the end of a replaced range: shift past it.
			delta += c.insert.length - (c.to - c.from);
			continue;
		}
		// pos is at an insertion point or strictly inside a replaced range: stick to its start.
		return c.from + delta;
	}
	return pos + delta;
}
