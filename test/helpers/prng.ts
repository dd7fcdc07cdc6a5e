/** Mulberry32: a small seeded PRNG, so fuzz runs and kill points are the same on every run. Returns numbers in [0, 1). */
export function prng(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6D_2B_79_F5) | 0;
		let value = Math.imul(state ^ (state >>> 15), 1 | state);
		value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}
