// Small text helpers shared by the formats: UTF-8 repair and tidy float-to-double conversion.
#pragma once

#include <cstddef>
#include <string>

namespace pluginary {

/// `s` with every invalid UTF-8 sequence replaced by U+FFFD, so JSON serialisation cannot throw.
/// Plugins hand us arbitrary bytes (Latin-1 names are common); cost is one pass over the string.
std::string sanitizeUtf8(const std::string& s);

/// Appends the UTF-8 character of `s` at byte `i` to `out` (an invalid sequence becomes one U+FFFD
/// for its first byte) and returns the index after it. The one repair rule sanitizeUtf8 and the JSON writer share.
size_t appendUtf8Char(std::string& out, const std::string& s, size_t i);

/// Length of the valid UTF-8 sequence starting at s[i] (1 for ASCII), or 0 when the bytes there are invalid.
size_t utf8SequenceLength(const std::string& s, size_t i);

/// `s` without leading and trailing ASCII white space.
std::string trim(const std::string& s);

/// The double that prints like `f` does at float precision (0.1f → 0.1, not 0.10000000149011612).
double tidyFloat(float f);

}  // namespace pluginary
