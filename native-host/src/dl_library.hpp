// RAII for a dlopen handle.
#pragma once

#include <dlfcn.h>
#include <string>

namespace pluginary {

/// An open shared library; closes it on destruction. Move-only.
class DlLibrary {
public:
    /// Opens `path` with RTLD_NOW | RTLD_LOCAL; check `ok()` and `error()`.
    explicit DlLibrary(const std::string& path) {
        ::dlerror();
        handle_ = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle_) {
            const char* e = ::dlerror();
            error_ = e ? e : "unknown dlopen error";
        }
    }
    ~DlLibrary() {
        if (handle_) ::dlclose(handle_);
    }
    DlLibrary(const DlLibrary&) = delete;
    DlLibrary& operator=(const DlLibrary&) = delete;
    DlLibrary(DlLibrary&& other) noexcept : handle_(other.handle_), error_(std::move(other.error_)) {
        other.handle_ = nullptr;
    }

    bool ok() const { return handle_ != nullptr; }
    const std::string& error() const { return error_; }
    /// The address of `name`, or nullptr.
    void* symbol(const char* name) const { return handle_ ? ::dlsym(handle_, name) : nullptr; }

private:
    void* handle_ = nullptr;
    std::string error_;
};

/// True when the file at `path` starts with an ELF or Mach-O magic number (cheap: reads 4 bytes).
bool looksLikeSharedLibrary(const std::string& path);

}  // namespace pluginary
