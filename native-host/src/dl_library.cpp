#include "dl_library.hpp"

#include <cstdio>
#include <cstring>

namespace pluginary {

bool looksLikeSharedLibrary(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    unsigned char magic[4] = {0, 0, 0, 0};
    const size_t n = std::fread(magic, 1, 4, f);
    std::fclose(f);
    if (n != 4) return false;
    if (std::memcmp(magic, "\x7f" "ELF", 4) == 0) return true;
    const unsigned char machO[][4] = {{0xfe, 0xed, 0xfa, 0xce}, {0xfe, 0xed, 0xfa, 0xcf}, {0xce, 0xfa, 0xed, 0xfe},
                                      {0xcf, 0xfa, 0xed, 0xfe}, {0xca, 0xfe, 0xba, 0xbe}};
    for (const auto& m : machO)
        if (std::memcmp(magic, m, 4) == 0) return true;
    return false;
}

}  // namespace pluginary
