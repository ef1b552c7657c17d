import { collapseWhitespace } from '../render/markdownSafety';
import { asText } from '../text';

/** A digest as its properties describe it: enough to relate it to others without a model call. */
export interface DigestFacts {
	path: string;
	youtubeId: string;
	channel: string;
	tags: string[];
	/** Entity names. */
	entities: string[];
}

export interface RelatedDigest {
	path: string;
	youtubeId: string;
	score: number;
	sharedEntities: string[];
	sharedTags: string[];
	sameChannel: boolean;
}

/**
 * An entity (a person, a work, a concept) says more about what two videos share than a broad topic
 * tag, and a shared channel alone says little: it only breaks ties and surfaces siblings when nothing
 * else is shared.
 */
export const RELATED_WEIGHTS = { entity: 3, tag: 2, channel: 1 } as const;

/** Every digest carries it by default, so it relates everything to everything. */
const GENERIC_TAGS = new Set(['youtube']);

/**
 * The digests most related to `current`, best first (ties by path), at most `limit`, only those
 * sharing something. The digest itself and its other notes (translations share the video id) are
 * left out, and of several notes of one other video only the best ranked is kept.
 */
export function relatedDigests(current: DigestFacts, others: DigestFacts[], limit = 5): RelatedDigest[] {
	const self = facts(current);
	const seenVideos = new Set<string>();
	const ranked = others
		.filter((other) => other.path !== current.path && !(current.youtubeId && other.youtubeId === current.youtubeId))
		.map((other) => score(self, other))
		.filter((related) => related.score > 0)
		.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return ranked
		.filter((related) => {
			if (!related.youtubeId) return true;
			if (seenVideos.has(related.youtubeId)) return false;
			seenVideos.add(related.youtubeId);
			return true;
		})
		.slice(0, Math.max(0, Math.floor(limit)));
}

interface NormalizedFacts {
	channel: string;
	tags: Map<string, string>;
	entities: Map<string, string>;
}

function score(self: NormalizedFacts, other: DigestFacts): RelatedDigest {
	const them = facts(other);
	const sharedEntities = [...self.entities.keys()]
		.filter((key) => them.entities.has(key))
		.map((key) => self.entities.get(key) ?? key);
	const sharedTags = [...self.tags.keys()]
		.filter((key) => them.tags.has(key))
		.map((key) => self.tags.get(key) ?? key);
	const sameChannel = self.channel !== '' && self.channel === them.channel;
	const total =
		sharedEntities.length * RELATED_WEIGHTS.entity +
		sharedTags.length * RELATED_WEIGHTS.tag +
		(sameChannel ? RELATED_WEIGHTS.channel : 0);
	return { path: other.path, youtubeId: other.youtubeId, score: total, sharedEntities, sharedTags, sameChannel };
}

function facts(digest: DigestFacts): NormalizedFacts {
	return {
		channel: key(digest.channel),
		tags: keyed(digest.tags, tagKey),
		entities: keyed(digest.entities, key),
	};
}

/** Normalized key to the first spelling seen; empty keys are dropped. */
function keyed(values: unknown, toKey: (value: string) => string): Map<string, string> {
	const map = new Map<string, string>();
	for (const value of Array.isArray(values) ? values : []) {
		const text = collapseWhitespace(asText(value));
		const normalized = toKey(text);
		if (normalized && !map.has(normalized)) map.set(normalized, text);
	}
	return map;
}

/** `#AI` in the body and `ai` in the properties are one tag; the generic tag counts as none. */
function tagKey(tag: string): string {
	const normalized = key(tag.replace(/^#/, ''));
	return GENERIC_TAGS.has(normalized) ? '' : normalized;
}

function key(value: unknown): string {
	return collapseWhitespace(asText(value).normalize('NFC')).toLowerCase();
}
