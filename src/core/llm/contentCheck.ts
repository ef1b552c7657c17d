import { isGenericName, isNamedInVideo, NamedNote } from './entityGrounding';
import { formatTimestamp } from '../transcript/timestamps';
import { Chapter } from '../youtube/chapters';
import { TranscriptSegment } from '../youtube/transcriptSession';
import { checkClaim, ClaimSource, claimSource } from './claimSupport';
import { ModelDigest, ModelQuestion } from './digestSchema';
import { FIELD_RANGES, rangeText } from './fieldRanges';
import { cleanEmoji, Digest, GroundedQuestion, groundTimestamp, normalizeTags } from './grounding';
import { contentWords, isNearDuplicate } from './wordMatch';

/**
 * The check after the schema check: what a schema cannot say about an answer. What code can fix it fixes
 * (sort, de-duplicate, drop, snap to a chapter); what it cannot is given back to the model once (the
 * `forModel` texts); what is still wrong after that becomes the digest's warnings. Nothing is dropped silently.
 */
export interface ContentCheckContext {
	/** The caption lines the answer was written from (a part's own for a part of a long video). */
	segments: TranscriptSegment[];
	durationSeconds: number;
	/** The chapters the answer must have sections for (a part's own for a part). */
	chapters: Chapter[];
	title: string;
	description: string;
	/** Whether capitalised words are names: off for a digest in another language than the captions, or in German. */
	checkNames: boolean;
	/** The vault's notes, so an entity named in the video by an alias of its note counts as named. */
	notes?: NamedNote[];
	/** False for the merge call of a long video: its sections come from the parts. */
	withSections: boolean;
	/** Prepared once per video when many answers are checked; built from the fields above when absent. */
	source?: ClaimSource;
}

export type IssueKind =
	| 'unresolved-time'
	| 'missing-section'
	| 'section-order'
	| 'duplicate'
	| 'too-many'
	| 'too-few'
	| 'generic-entity'
	| 'ungrounded-entity'
	| 'unsupported-claim';

export interface ContentIssue {
	kind: IssueKind;
	/** What to tell the model in the repair round; absent when the code has fixed it. */
	forModel?: string;
	/** The name, figure, field or reference it is about, for the user's warning. */
	detail: string;
}

export interface CheckedDigest {
	digest: Digest;
	issues: ContentIssue[];
}

type Answer = Omit<ModelDigest, 'sections'> & { sections?: ModelDigest['sections'] };
type Section = Digest['sections'][number];

/**
 * A padded answer (thousands of items) is cut to a few times what was asked before any check, which
 * compares items pairwise: the check stays quick, and the cut items were over the count anyway.
 */
const MOST_ITEMS_CHECKED = 4;

function withinReason(answer: Answer, chapterCount: number): Answer {
	const cut = <T>(items: T[], max: number) => items.slice(0, max * MOST_ITEMS_CHECKED);
	// One section per chapter, or about one per ten minutes: fifteen covers a 2.5-hour video without chapters.
	const sectionsMax = Math.max(15, chapterCount);
	return {
		...answer,
		insights: cut(answer.insights, FIELD_RANGES.insights.max),
		questions: cut(answer.questions, FIELD_RANGES.questions.max),
		takeaways: cut(answer.takeaways, FIELD_RANGES.takeaways.max),
		tags: cut(answer.tags, FIELD_RANGES.tags.max),
		entities: cut(answer.entities, 25),
		...(answer.sections ? { sections: cut(answer.sections, sectionsMax) } : {}),
	};
}

/** Checks an answer that passed the schema check and returns the digest that may reach the note. */
export function checkDigest(fullAnswer: Answer, context: ContentCheckContext): CheckedDigest {
	const answer = withinReason(fullAnswer, context.chapters.length);
	const issues: ContentIssue[] = [];
	const source = context.source ?? claimSource(context.segments, context.title, context.description);
	const starts = context.segments.map((segment) => segment.start);
	const limit = context.durationSeconds > 0 ? context.durationSeconds : (starts[starts.length - 1] ?? 0) + 60;
	const withHours = context.durationSeconds >= 3600;
	const label = (seconds: number | null) => (seconds === null ? '' : `[${formatTimestamp(seconds, withHours)}]`);

	const resolve = (at: string, path: string, quiet = false): number | null => {
		const seconds = groundTimestamp(at, starts, limit);
		if (seconds === null && !quiet)
			issues.push({
				kind: 'unresolved-time',
				forModel: `${path}.at "${at}" is not a [time] label of the transcript`,
				detail: at,
			});
		return seconds;
	};
	/** A claim the transcript does not back is dropped (and given back); one said elsewhere is re-pointed. */
	const supported = (text: string, seconds: number | null, path: string): { ok: boolean; seconds: number | null } => {
		const verdict = checkClaim(text, seconds, source, context.checkNames);
		if (verdict.kind === 'elsewhere') return { ok: true, seconds: verdict.seconds };
		if (verdict.kind === 'supported') return { ok: true, seconds };
		const where = seconds === null ? '' : ` near ${label(seconds)}`;
		issues.push({
			kind: 'unsupported-claim',
			forModel:
				`${path} states "${verdict.claim}", which the transcript does not say${where}: ` +
				'keep to what the video says',
			detail: verdict.claim,
		});
		return { ok: false, seconds };
	};
	const question = (item: ModelQuestion, path: string): GroundedQuestion | null => {
		if (!item.question.trim()) return null;
		const claim = supported(item.answer, resolve(item.at, path), `${path}.answer`);
		if (!claim.ok) return null;
		return { question: item.question.trim(), answer: item.answer.trim(), seconds: claim.seconds };
	};

	const insights = answer.insights.flatMap((insight, index) => {
		const text = insight.text.trim();
		if (!text) return [];
		const path = `insights[${index}]`;
		const claim = supported(text, resolve(insight.at, path), path);
		return claim.ok ? [{ emoji: cleanEmoji(insight.emoji), text, seconds: claim.seconds }] : [];
	});
	const questions = answer.questions.flatMap((item, index) => question(item, `questions[${index}]`) ?? []);
	let sections: Section[] = [];
	if (context.withSections) {
		sections = (answer.sections ?? []).map((section, index) => {
			const path = `sections[${index}]`;
			const chapter = matchChapter(section.title, groundTimestamp(section.at, starts, limit), context.chapters);
			return {
				title: section.title.trim(),
				// A section that follows a chapter starts exactly where the chapter does.
				seconds: chapter ? chapter.startSeconds : resolve(section.at, path),
				summary: section.summary.trim(),
				questions: section.questions.flatMap(
					(item, questionIndex) => question(item, `${path}.questions[${questionIndex}]`) ?? [],
				),
			};
		});
		sections = checkSections(sections, context.chapters, issues, label);
	}

	const digest: Digest = {
		tldr: answer.tldr.trim(),
		summary: answer.summary.trim(),
		insights: limitCount(
			withoutDuplicates(insights, (item) => item.text, 'insights', issues),
			'insights',
			issues,
		),
		questions: [],
		sections: [],
		takeaways: limitCount(
			withoutDuplicates(
				answer.takeaways.map((line) => line.trim()).filter(Boolean),
				(line) => line,
				'takeaways',
				issues,
			),
			'takeaways',
			issues,
		),
		tags: normalizeTags(answer.tags).slice(0, FIELD_RANGES.tags.max),
		entities: groundedEntities(answer.entities, context, source, issues),
	};
	// Questions are one pool: a section's question repeating a top-level one (or another section's) goes.
	const seenQuestions: Set<string>[] = [];
	const firstTime = (item: GroundedQuestion) => {
		const key = contentWords(item.question);
		if (seenQuestions.some((seen) => isNearDuplicate(seen, key))) {
			issues.push({ kind: 'duplicate', detail: 'questions' });
			return false;
		}
		seenQuestions.push(key);
		return true;
	};
	digest.questions = limitCount(questions.filter(firstTime), 'questions', issues);
	digest.sections = sections.map((section) => ({
		...section,
		questions: section.questions.filter(firstTime).slice(0, FIELD_RANGES.sectionQuestions.max),
	}));
	return { digest, issues };
}

/**
 * The chapter a section follows: the one its title names, else the one starting within 30 s of its time
 * (models cite the line before the chapter's first words, or round), else the one its time falls in.
 */
function matchChapter(title: string, seconds: number | null, chapters: Chapter[]): Chapter | undefined {
	const key = contentWords(title);
	const byTitle = chapters.find((chapter) => isNearDuplicate(contentWords(chapter.title), key));
	if (byTitle || seconds === null) return byTitle;
	let nearest: Chapter | undefined;
	for (const chapter of chapters)
		if (!nearest || Math.abs(chapter.startSeconds - seconds) < Math.abs(nearest.startSeconds - seconds))
			nearest = chapter;
	if (nearest && Math.abs(nearest.startSeconds - seconds) <= 30) return nearest;
	return [...chapters].reverse().find((chapter) => chapter.startSeconds <= seconds);
}

/** Sections in video order, one per chapter: a second section for a chapter is merged into the first. */
function checkSections(
	sections: Section[],
	chapters: Chapter[],
	issues: ContentIssue[],
	label: (seconds: number | null) => string,
): Section[] {
	const kept: Section[] = [];
	for (const section of sections) {
		const same = kept.find(
			(other) =>
				(other.seconds !== null &&
					other.seconds === section.seconds &&
					chapters.some((chapter) => chapter.startSeconds === section.seconds)) ||
				isNearDuplicate(contentWords(other.title), contentWords(section.title)),
		);
		if (same) {
			issues.push({ kind: 'duplicate', detail: 'sections' });
			same.questions.push(...section.questions);
		} else kept.push({ ...section, questions: [...section.questions] });
	}
	const order = (section: Section) => section.seconds ?? Infinity;
	const isSorted = kept.every((section, index) => index === 0 || order(kept[index - 1]) <= order(section));
	if (!isSorted) issues.push({ kind: 'section-order', detail: 'sections' });
	const sorted = isSorted ? kept : [...kept].sort((a, b) => order(a) - order(b));
	for (const chapter of chapters)
		if (!sorted.some((section) => section.seconds === chapter.startSeconds))
			issues.push({
				kind: 'missing-section',
				forModel: `there is no section for the chapter "${chapter.title}" at ${label(chapter.startSeconds)}`,
				detail: chapter.title,
			});
	if (sorted.length === 0 && chapters.length === 0)
		issues.push({ kind: 'too-few', forModel: 'sections is empty', detail: '0 sections' });
	return sorted;
}

function withoutDuplicates<T>(items: T[], text: (item: T) => string, field: string, issues: ContentIssue[]): T[] {
	const seen: Set<string>[] = [];
	return items.filter((item) => {
		const key = contentWords(text(item));
		if (seen.some((other) => isNearDuplicate(other, key))) {
			issues.push({ kind: 'duplicate', detail: field });
			return false;
		}
		seen.push(key);
		return true;
	});
}

/** Extra items are cut (the model lists its strongest first); too few go back to the model. */
function limitCount<T>(items: T[], field: 'insights' | 'questions' | 'takeaways', issues: ContentIssue[]): T[] {
	const range = FIELD_RANGES[field];
	if (items.length > range.max) {
		issues.push({ kind: 'too-many', detail: `${field} ${items.length} → ${range.max}` });
		return items.slice(0, range.max);
	}
	if (items.length < range.min)
		issues.push({
			kind: 'too-few',
			forModel: `${field} has ${items.length} distinct items; write ${rangeText(range)}, each a different point`,
			detail: `${items.length} ${field} (${rangeText(range)} asked)`,
		});
	return items;
}

function groundedEntities(
	entities: Answer['entities'],
	context: ContentCheckContext,
	source: ClaimSource,
	issues: ContentIssue[],
): Digest['entities'] {
	const seen = new Set<string>();
	const kept: Digest['entities'] = [];
	for (const entity of entities) {
		const name = entity.name.trim().replace(/\s+/g, ' ');
		const key = name.toLowerCase();
		if (!name || seen.has(key)) continue;
		seen.add(key);
		if (isGenericName(name)) issues.push({ kind: 'generic-entity', detail: name });
		else if (!isNamedInVideo(name, source, context.notes)) issues.push({ kind: 'ungrounded-entity', detail: name });
		else kept.push({ name, type: entity.type });
	}
	return kept;
}

/** What the model should fix, one line each, for the repair round. */
export function repairProblems(issues: ContentIssue[]): string[] {
	return [...new Set(issues.flatMap((issue) => (issue.forModel ? [issue.forModel] : [])))];
}

/**
 * The user's view of what was wrong, one short sentence per kind, for the notice and the `digest_warnings`
 * property. Names of entities the video never says are not repeated: they would be listed after all.
 */
export function describeIssues(issues: ContentIssue[]): string[] {
	const byKind = new Map<IssueKind, string[]>();
	for (const issue of issues) byKind.set(issue.kind, [...(byKind.get(issue.kind) ?? []), issue.detail]);
	const quoted = (details: string[]) =>
		[...new Set(details)]
			.slice(0, 3)
			.map((detail) => `"${detail}"`)
			.join(', ') + (new Set(details).size > 3 ? ', …' : '');
	const count = (details: string[], one: string, many: string) =>
		details.length === 1 ? `1 ${one}` : `${details.length} ${many}`;
	const messages: Record<IssueKind, (details: string[]) => string> = {
		'unresolved-time': (d) =>
			`${count(d, 'reference', 'references')} to no moment of the video left without a timestamp (${quoted(d)})`,
		'missing-section': (d) => `no section for ${count(d, 'chapter', 'chapters')} (${quoted(d)})`,
		'section-order': () => 'sections came out of order and were sorted',
		duplicate: (d) => `${count(d, 'repeated item', 'repeated items')} removed (${[...new Set(d)].join(', ')})`,
		'too-many': (d) => `lists longer than asked were cut (${[...new Set(d)].join(', ')})`,
		'too-few': (d) => `fewer items than asked: ${[...new Set(d)].join(', ')}`,
		'generic-entity': (d) => `${count(d, 'generic entity', 'generic entities')} left out (${quoted(d)})`,
		'ungrounded-entity': (d) => `${count(d, 'entity', 'entities')} the video never names left out`,
		'unsupported-claim': (d) =>
			`${count(d, 'item', 'items')} stating what the video does not say left out (${quoted(d)})`,
	};
	return [...byKind.entries()].map(([kind, details]) => messages[kind](details));
}
