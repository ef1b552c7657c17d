/**
 * Type-level check (no runtime code): every function and constant the fake exports under an Obsidian
 * name has a type assignable to Obsidian's declaration. Classes are checked where they are defined,
 * with `implements` clauses against the real classes.
 */
import type * as Real from 'obsidian';
import type * as Fake from './index';

type Values<M> = { [K in keyof M]: M[K] };
type RealValues = Values<typeof Real>;
type FakeValues = Values<typeof Fake>;
type Shared = Extract<keyof RealValues, keyof FakeValues>;
type AnyClass = abstract new (...args: never[]) => unknown;
/** Classes with private constructors (not matched by AnyClass). */
type PrivateConstructorClasses = 'MenuItem' | 'ConfirmationButton';
type NonClass = Exclude<
	{ [K in Shared]: RealValues[K] extends AnyClass ? never : K }[Shared],
	PrivateConstructorClasses
>;

/** Names whose fake type is not assignable to the real one (must be `never`). */
export type Mismatches = { [K in NonClass]: FakeValues[K] extends RealValues[K] ? never : K }[NonClass];

export const functionsConform: [Mismatches] extends [never] ? true : Mismatches = true;

/**
 * What a fake class implements: only the members of Obsidian's class that the plugin and the tests use, each with
 * Obsidian's type. Methods are compared the way TypeScript compares methods (parameters either way), because their
 * callbacks receive the fake's own objects; a method that returns its own object for chaining (`this` in
 * obsidian.d.ts) may return the fake's object, which has only the members kept.
 */
export type Faithful<Real> = {
	[K in keyof Real]?: [Real[K]] extends [(...args: infer A) => infer R]
		? Method<A, [R] extends [Real] ? unknown : R>
		: Real[K];
};
type Method<A extends unknown[], R> = { method(...args: A): R }['method'];
