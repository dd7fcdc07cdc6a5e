/**
 * What the key router knows of the filter's text field (ink-text-input). The field reads keys
 * with a handler Ink subscribes in an effect, so a key that arrives before React committed the
 * previous key's render reaches a handler holding the old text and cursor. The router sends a key
 * to the field only when the field caught up: it listens, holds the current text, and has
 * committed every key sent to it (each one re-renders the field: `nudge`). Otherwise the router
 * types the key itself (see routeKey).
 */
export class FieldLink {
	/** Keys sent to the field. */
	private sent = 0;
	/** What the field's subscribed handler holds: the text, and how many keys it has seen. */
	private held: {query: string; seen: number} | undefined;
	private nudge: ((seen: number) => void) | undefined;
	/** May the key being routed edit the text (set by the router before the field reads it)? */
	edits = false;

	/** The field mounted; `nudge(n)` re-renders it having seen n keys. */
	attach(nudge: (seen: number) => void): void {
		this.nudge = nudge;
	}

	/** The field unmounted. */
	detach(): void {
		this.nudge = undefined;
		this.held = undefined;
	}

	/** The field committed a render: its handler holds this text and has seen `seen` keys. */
	caughtUp(query: string, seen: number): void {
		this.held = {query, seen};
	}

	/** True when the field's handler is current for a filter of this text. */
	reads(query: string): boolean {
		return this.held !== undefined && this.held.query === query && this.held.seen === this.sent;
	}

	/** The router lets the field read a key. */
	send(): void {
		this.sent++;
		this.nudge?.(this.sent);
	}

	/** Keys sent so far (a field mounting afresh has seen them all). */
	get count(): number {
		return this.sent;
	}
}
