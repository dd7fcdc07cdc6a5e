#include "dl_library.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#ifndef __APPLE__
#include <link.h>
#endif

namespace pluginary {

namespace {

/// The folder part of `path` ("" when it has none).
std::string folderOf(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

/// `path` with symlinks and ".." resolved, or `path` when it cannot be resolved.
std::string canonical(const std::string& path) {
    char* real = ::realpath(path.c_str(), nullptr);
    if (real == nullptr) return path;
    std::string out(real);
    std::free(real);
    return out;
}

/// Folders of the system's shared libraries: what the dynamic loader searches by default, under any prefix that
/// a distribution uses. A library there is shared by everyone; keeping it loaded cannot shadow a plugin's private copy
/// any more than the host's own dependencies already do.
bool isSystemLibraryFolder(const std::string& folder) {
    static const char* const kFolders[] = {
        "/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib", "/usr/local/lib64",
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        "/lib/i386-linux-gnu", "/usr/lib/i386-linux-gnu", "/lib/arm-linux-gnueabihf", "/usr/lib/arm-linux-gnueabihf",
    };
    for (const char* f : kFolders)
        if (folder == f) return true;
    return false;
}

/// True when `path` is `folder` or lies below it.
bool isUnder(const std::string& path, const std::string& folder) {
    return !folder.empty() && path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
           path[folder.size()] == '/';
}

}  // namespace

std::vector<std::string> loadedObjects() {
    std::vector<std::string> names;
#ifndef __APPLE__  // macOS never unmaps images that hold Objective-C or C++ TLS state; nothing to pin there
    ::dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* data) {
            if (info->dlpi_name != nullptr && info->dlpi_name[0] == '/')
                static_cast<std::vector<std::string>*>(data)->emplace_back(info->dlpi_name);
            return 0;
        },
        &names);
#endif
    std::sort(names.begin(), names.end());
    return names;
}

void pinNewLibraries(const std::vector<std::string>& loadedBefore, const std::string& pluginPath) {
    const std::string plugin = canonical(pluginPath);
    const std::string pluginFolder = folderOf(plugin);
    for (const std::string& name : loadedObjects()) {
        if (std::binary_search(loadedBefore.begin(), loadedBefore.end(), name)) continue;
        const std::string real = canonical(name);
        if (real == plugin) continue;
        if (!isSystemLibraryFolder(folderOf(real)) && !isUnder(real, pluginFolder)) continue;
        // RTLD_NOLOAD: only touches an object already loaded; RTLD_NODELETE then sticks to it for good.
        if (void* handle = ::dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD | RTLD_NODELETE))
            ::dlclose(handle);
    }
}

DlLibrary::DlLibrary(const std::string& path) : path_(path), loadedBefore_(loadedObjects()) {
    ::dlerror();
    handle_ = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle_) {
        const char* e = ::dlerror();
        error_ = e ? e : "unknown dlopen error";
    }
}

DlLibrary::~DlLibrary() {
    if (!handle_) return;
    pinNewLibraries(loadedBefore_, path_);
    ::dlclose(handle_);
}

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
