import test, {type ExecutionContext} from 'ava';

type Run = (t: ExecutionContext) => void | Promise<void>;

/**
 * `test.serial` when nothing is missing; else the same test registered as skipped, its title
 * saying what is missing, so ava reports it as skipped rather than passed.
 */
export function serialUnlessMissing(missing: string | undefined): (title: string, run: Run) => void {
	return (title, run) => {
		if (missing === undefined) {
			test.serial(title, run);
		} else {
			test.serial.skip(`${title} (skipped: ${missing})`, run);
		}
	};
}
