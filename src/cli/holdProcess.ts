/**
 * Node ends a process when nothing but unreferenced timers is left, and the core's waits (retry pauses,
 * deadlines) use `AbortSignal.timeout`, whose timers are unreferenced. The command line holds the process
 * open until its work is settled, so a retry pause never ends the run silently.
 */
export async function holdProcessUntil<T>(work: Promise<T>): Promise<T> {
	const hold = setInterval(() => undefined, 60_000);
	try {
		return await work;
	} finally {
		clearInterval(hold);
	}
}
