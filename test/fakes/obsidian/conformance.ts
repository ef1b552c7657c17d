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
