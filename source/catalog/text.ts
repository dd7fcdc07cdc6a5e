/** Splits text into lower-case words at spaces, punctuation and camelCase/digit boundaries. */
export function words(text: string): string[] {
	return text
		.replace(/([a-z])([A-Z][a-z])/g, '$1 $2')
		.replace(/([a-z])([A-Z]{2,})(?![a-z])/g, '$1 $2')
		.replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
		.replace(/([A-Za-z])(\d)/g, '$1 $2')
		.replace(/(\d)([A-Za-z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/**
 * True when `prefix` (case-insensitive) starts any word of `text`, or starts `text` itself
 * (`vendor:zam` matches "Damien Zammit"; `param:thresh` matches "Threshold (dB)").
 */
export function matchesWordPrefix(text: string, prefix: string): boolean {
	const wanted = prefix.toLowerCase();
	if (wanted === '') {
		return true;
	}

	if (text.toLowerCase().startsWith(wanted)) {
		return true;
	}

	const wantedWords = words(wanted);
	if (wantedWords.length > 1) {
		// A multi-word prefix must match consecutive words of the text.
		const textWords = words(text);
		return textWords.some((_, start) => wantedWords.every((word, i) => {
			const candidate = textWords[start + i];
			return candidate !== undefined && (i === wantedWords.length - 1 ? candidate.startsWith(word) : candidate === word);
		}));
	}

	const needle = wantedWords[0] ?? wanted;
	return words(text).some(word => word.startsWith(needle));
}
