// RAII for a dlopen handle, and the policy for the libraries a plugin pulls in.
#pragma once

#include <dlfcn.h>
#include <string>
#include <vector>

namespace pluginary {

/// An open shared library; closes it on destruction. Move-only.
///
/// Libraries the plugin brought in with it (its DT_NEEDED dependencies, and libraries it dlopen'ed itself, such as
/// LSP's shared core that each LSP VST2 stub loads) stay loaded after the plugin is closed when they live in a system
/// library folder or next to the plugin (its own folder or below) — see `pinNewLibraries`. Real hosts keep these
/// loaded too while any plugin uses them; for a prober it means the next plugin of the same vendor does not pay for
/// mapping, relocating and initialising them again (LSP: ~8 ms of a ~10 ms probe). The plugin file itself is always
/// closed. A host process is per worker and recycled by the scan engine, so what stays loaded is bounded.
class DlLibrary {
public:
    /// Opens `path` with RTLD_NOW | RTLD_LOCAL; check `ok()` and `error()`.
    explicit DlLibrary(const std::string& path);
    ~DlLibrary();
    DlLibrary(const DlLibrary&) = delete;
    DlLibrary& operator=(const DlLibrary&) = delete;
    DlLibrary(DlLibrary&& other) noexcept
        : handle_(other.handle_), path_(std::move(other.path_)), error_(std::move(other.error_)),
          loadedBefore_(std::move(other.loadedBefore_)) {
        other.handle_ = nullptr;
    }

    bool ok() const { return handle_ != nullptr; }
    const std::string& error() const { return error_; }
    /// The address of `name`, or nullptr.
    void* symbol(const char* name) const { return handle_ ? ::dlsym(handle_, name) : nullptr; }

private:
    void* handle_ = nullptr;
    std::string path_;
    std::string error_;
    std::vector<std::string> loadedBefore_;  ///< objects loaded before our dlopen, sorted
};

/// Marks the objects loaded since `loadedBefore` (sorted, from `loadedObjects`) that live in a system library folder
/// or under `pluginPath`'s folder as RTLD_NODELETE, so dlclose leaves them mapped. `pluginPath` itself is never
/// pinned. Exposed for tests and for formats that load code through other libraries (lilv).
void pinNewLibraries(const std::vector<std::string>& loadedBefore, const std::string& pluginPath);

/// The file names of every object loaded in this process now, sorted.
std::vector<std::string> loadedObjects();

/// True when the file at `path` starts with an ELF or Mach-O magic number (cheap: reads 4 bytes).
bool looksLikeSharedLibrary(const std::string& path);

}  // namespace pluginary
