/**
 * A tiny seeded PRNG (mulberry32) so synthetic data is identical on every run and machine, unlike Math.random.
 * Quality is more than enough for test data; speed matters more (a 3-hour transcript draws ~100k numbers).
 */

export interface SeededRandom {
	/** Uniform float in [0, 1). */
	next(): number;
	/** Uniform integer in [min, max] (both inclusive). */
	int(min: number, max: number): number;
	/** A uniformly chosen element; `items` must not be empty. */
	pick<T>(items: readonly T[]): T;
	/** True with probability `p`. */
	chance(p: number): boolean;
}

export function seededRandom(seed: number): SeededRandom {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick<T>(items: readonly T[]): T {
			return items[Math.floor(next() * items.length)];
		},
		chance: (p) => next() < p,
	};
}

/** A stable 32-bit hash of a string (FNV-1a), for deriving seeds and fake ids from e.g. a video id. */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}
