import { wrapGenerated } from '../../../src/core/notes/generatedBlock';
import {
	BatchJob,
	BatchLink,
	BatchProgress,
	planBatch,
	runBatch,
	videoLinksInNote,
} from '../../../src/core/digestNotes/batch';
import { batchEstimate } from '../../../src/core/digestNotes/batch';

const A = 'aaaaaaaaaaa';
const B = 'bbbbbbbbbbb';
const C = 'ccccccccccc';

function link(videoId: string, sourcePath = 'Inbox.md'): BatchLink {
	return { videoId, sourcePath, linkText: `https://youtu.be/${videoId}` };
}

function jobs(...ids: string[]): BatchJob[] {
	return planBatch(
		ids.map((id) => link(id)),
		new Set(),
	);
}

/** A promise with its resolve and reject in hand, to finish jobs in a chosen order. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
	let resolve = () => {};
	let reject: (error: Error) => void = () => {};
	const promise = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('videoLinksInNote', () => {
	it('finds the body links in order, with their text and the note path', () => {
		const text = `Watch https://youtu.be/${A}?t=30 and [talk](https://www.youtube.com/watch?v=${B}).\n- youtube.com/shorts/${C}\n`;
		expect(videoLinksInNote('Inbox.md', text)).toEqual([
			{ videoId: A, sourcePath: 'Inbox.md', linkText: `https://youtu.be/${A}?t=30` },
			{ videoId: B, sourcePath: 'Inbox.md', linkText: `https://www.youtube.com/watch?v=${B}` },
			{ videoId: C, sourcePath: 'Inbox.md', linkText: `youtube.com/shorts/${C}` },
		]);
	});

	it('skips links in the properties', () => {
		const text = `---\nsource: "https://youtu.be/${A}"\n---\nBody https://youtu.be/${B}\n`;
		expect(videoLinksInNote('n.md', text).map((found) => found.videoId)).toEqual([B]);
	});

	it("skips links inside the plugin's generated blocks, whatever their name, but not around them", () => {
		const digestBody = `![](https://www.youtube.com/watch?v=${A})\n- insight [1:00](https://www.youtube.com/watch?v=${A}&t=60s)\n`;
		const text = `Mine https://youtu.be/${B}\n${wrapGenerated('digest', digestBody)}${wrapGenerated('related', `https://youtu.be/${A}`)}After https://youtu.be/${C}\n`;
		expect(videoLinksInNote('n.md', text).map((found) => found.videoId)).toEqual([B, C]);
	});

	it('treats a start marker without its end as ordinary text', () => {
		const text = `%% youtube-digest:digest:start %%\nhttps://youtu.be/${A}\n`;
		expect(videoLinksInNote('n.md', text).map((found) => found.videoId)).toEqual([A]);
	});

	it('finds nothing in a note without links', () => {
		expect(videoLinksInNote('n.md', 'Nothing here, not even notyoutube.com/watch?v=aaaaaaaaaaa')).toEqual([]);
	});
});

describe('planBatch', () => {
	it('keeps the order, runs each video once and skips what is already digested', () => {
		const links = [link(A, 'One.md'), link(B, 'One.md'), link(A, 'Two.md'), link(C, 'Two.md'), link(C, 'Two.md')];
		expect(planBatch(links, new Set([B])).map((job) => [job.videoId, job.sourcePath, job.skip])).toEqual([
			[A, 'One.md', null],
			[B, 'One.md', 'already-digested'],
			[A, 'Two.md', 'duplicate'],
			[C, 'Two.md', null],
			[C, 'Two.md', 'duplicate'],
		]);
	});

	it('marks a second link to an already digested video as a duplicate', () => {
		expect(planBatch([link(A), link(A)], new Set([A])).map((job) => job.skip)).toEqual([
			'already-digested',
			'duplicate',
		]);
	});

	it('tells apart ids that differ only in case, as YouTube does', () => {
		expect(planBatch([link(A), link(A.toUpperCase())], new Set()).map((job) => job.skip)).toEqual([null, null]);
	});
});

describe('runBatch', () => {
	it('runs every job and does not let a failure stop the rest', async () => {
		const started: string[] = [];
		const failure = new Error('no captions');
		const summary = await runBatch(jobs(A, B, C), async (job) => {
			started.push(job.videoId);
			if (job.videoId === B) throw failure;
		});
		expect(started).toEqual([A, B, C]);
		expect(summary.results.map((result) => [result.job.videoId, result.outcome, result.error])).toEqual([
			[A, 'done', undefined],
			[B, 'failed', failure],
			[C, 'done', undefined],
		]);
		expect(summary).toMatchObject({ done: 2, failed: 1, skipped: 0, cancelled: 0, total: 3, aborted: false });
	});

	it('catches a run that throws before it returns a promise', async () => {
		const summary = await runBatch(jobs(A, B), (job) => {
			if (job.videoId === A) throw new Error('sync');
			return Promise.resolve();
		});
		expect(summary.results.map((result) => result.outcome)).toEqual(['failed', 'done']);
	});

	it('does not run skipped jobs and reports progress after every job, skipped ones included', async () => {
		const planned = planBatch([link(A), link(B), link(A), link(C)], new Set([B]));
		const ran: string[] = [];
		const reports: BatchProgress[] = [];
		const summary = await runBatch(
			planned,
			async (job) => {
				ran.push(job.videoId);
				if (job.videoId === C) throw new Error('x');
			},
			{ onProgress: (progress) => reports.push(progress) },
		);
		expect(ran).toEqual([A, C]);
		expect(reports).toEqual([
			{ done: 1, failed: 0, skipped: 0, cancelled: 0, total: 4 },
			{ done: 1, failed: 0, skipped: 1, cancelled: 0, total: 4 },
			{ done: 1, failed: 0, skipped: 2, cancelled: 0, total: 4 },
			{ done: 1, failed: 1, skipped: 2, cancelled: 0, total: 4 },
		]);
		expect(summary).toMatchObject({ done: 1, failed: 1, skipped: 2, cancelled: 0 });
	});

	it('starts no job after the signal aborts and marks those left cancelled', async () => {
		const controller = new AbortController();
		const ran: string[] = [];
		const planned = planBatch([link(A), link(B), link(A), link(C)], new Set());
		const summary = await runBatch(
			planned,
			async (job) => {
				ran.push(job.videoId);
				if (job.videoId === B) controller.abort();
			},
			{ signal: controller.signal },
		);
		expect(ran).toEqual([A, B]);
		expect(summary.results.map((result) => result.outcome)).toEqual(['done', 'done', 'skipped', 'cancelled']);
		expect(summary).toMatchObject({ done: 2, skipped: 1, cancelled: 1, aborted: true });
	});

	it('counts a job that throws after the abort as cancelled, not failed, and passes it the signal', async () => {
		const controller = new AbortController();
		const seen: AbortSignal[] = [];
		const summary = await runBatch(
			jobs(A, B),
			(_job, signal) => {
				seen.push(signal);
				controller.abort();
				return Promise.reject(new Error('aborted'));
			},
			{ signal: controller.signal },
		);
		expect(seen).toEqual([controller.signal]);
		expect(summary.results.map((result) => result.outcome)).toEqual(['cancelled', 'cancelled']);
		expect((summary.results[0].error as Error).message).toBe('aborted');
		expect(summary).toMatchObject({ done: 0, failed: 0, cancelled: 2 });
	});

	it('runs nothing when the signal is already aborted', async () => {
		const run = jest.fn(() => Promise.resolve());
		const summary = await runBatch(jobs(A, B), run, { signal: AbortSignal.abort() });
		expect(run).not.toHaveBeenCalled();
		expect(summary).toMatchObject({ cancelled: 2, aborted: true });
	});

	it('runs at most `concurrency` jobs at once, starting the next as soon as one ends', async () => {
		const pending = new Map<string, ReturnType<typeof deferred>>();
		let running = 0;
		let most = 0;
		const run = (job: BatchJob) => {
			running++;
			most = Math.max(most, running);
			const gate = deferred();
			pending.set(job.videoId, gate);
			return gate.promise.finally(() => running--);
		};
		const done = runBatch(jobs(A, B, C), run, { concurrency: 2 });
		await tick();
		expect([...pending.keys()]).toEqual([A, B]);
		pending.get(B)?.reject(new Error('b failed'));
		await tick();
		expect([...pending.keys()]).toEqual([A, B, C]);
		pending.get(A)?.resolve();
		pending.get(C)?.resolve();
		const summary = await done;
		expect(most).toBe(2);
		expect(summary.results.map((result) => result.outcome)).toEqual(['done', 'failed', 'done']);
	});

	it('runs one job at a time by default, and with a concurrency that is not a positive number', async () => {
		for (const concurrency of [undefined, 0, -3, Number.NaN]) {
			let running = 0;
			let most = 0;
			await runBatch(
				jobs(A, B, C),
				async () => {
					running++;
					most = Math.max(most, running);
					await tick();
					running--;
				},
				{ concurrency },
			);
			expect(most).toBe(1);
		}
	});

	it('goes on when the progress display throws', async () => {
		const summary = await runBatch(jobs(A, B), () => Promise.resolve(), {
			onProgress: () => {
				throw new Error('display gone');
			},
		});
		expect(summary).toMatchObject({ done: 2, failed: 0 });
	});

	it('returns an empty summary for no jobs', async () => {
		expect(await runBatch([], () => Promise.resolve())).toEqual({
			done: 0,
			failed: 0,
			skipped: 0,
			cancelled: 0,
			total: 0,
			results: [],
			aborted: false,
		});
	});
});

describe('batchEstimate', () => {
	it('adds up calls, tokens and dollars, and counts videos with nothing to call as free', () => {
		const total = batchEstimate([
			{ calls: 1, inputTokens: 1000, outputTokens: 200, cost: 0.01 },
			null,
			{ calls: 3, inputTokens: 30_000, outputTokens: 2000, cost: 0.02 },
		]);
		expect(total).toEqual({ calls: 4, inputTokens: 31_000, outputTokens: 2200, cost: 0.03 });
	});

	it('has an unknown cost when any video has one', () => {
		const total = batchEstimate([
			{ calls: 1, inputTokens: 1000, outputTokens: 200, cost: 0.01 },
			{ calls: 1, inputTokens: 1000, outputTokens: 200, cost: null },
		]);
		expect(total.cost).toBeNull();
	});
});
