/**
 * A query the parser cannot read. `message` says what and where (1-based column), with a
 * suggestion when one is close; the CLI prints it and exits 2, the TUI shows it under the filter.
 */
export class QueryError extends Error {
	/** 1-based column of the offending part of the query. */
	readonly column: number;

	/** Builds the error from a full sentence and the column it points at. */
	constructor(message: string, column: number) {
		super(message);
		this.name = 'QueryError';
		this.column = column;
	}
}
