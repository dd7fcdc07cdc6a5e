// VST3 via DPF's travesty C ABI. `path` is the .vst3 bundle (or a bare .vst3/.so module file). Loads the module,
// runs ModuleEntry/ModuleExit, walks the factory's classes and instantiates every "Audio Module Class" (controller
// classes are not plugins). uid = the class UID as 32 uppercase hex digits in memory order (vst3_abi.hpp, uidText).
// Names, vendor and version come from PClassInfoW when the factory has IPluginFactory3, else PClassInfo2, else
// PClassInfo (vendor then from PFactoryInfo). rawCategory = the subCategories string verbatim.
#include <dlfcn.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "../rpc/errors.hpp"
#include "../dl_library.hpp"
#include "../check/formats.hpp"
#include "format.hpp"
#include "vst3_abi.hpp"
#include "vst3_describe.hpp"
#include "vst3_host.hpp"
#include "vst3_instance.hpp"

namespace pluginary {
namespace {

namespace fs = std::filesystem;
using vst3::ComPtr;

/// The shared library inside a bundle: Contents/x86_64-linux/<name>.so, else the first .so in any
/// Contents/*-linux folder. A path that is a file is the module itself.
std::string moduleFile(const std::string& path) {
    const fs::path bundle(path);
    std::error_code ec;
    if (fs::is_regular_file(bundle, ec)) return path;
    if (!fs::is_directory(bundle, ec)) throw ProbeError(rpc::kFileNotFound, "no VST3 bundle or module at " + path);
    const fs::path preferred = bundle / "Contents" / "x86_64-linux" / (bundle.stem().string() + ".so");
    if (fs::is_regular_file(preferred, ec)) return preferred.string();
    std::vector<fs::path> candidates;
    for (const auto& arch : fs::directory_iterator(bundle / "Contents", ec)) {
        const std::string folder = arch.path().filename().string();
        if (folder.size() < 6 || folder.compare(folder.size() - 6, 6, "-linux") != 0) continue;
        for (const auto& file : fs::directory_iterator(arch.path(), ec)) {
            if (file.path().extension() == ".so") candidates.push_back(file.path());
        }
    }
    if (candidates.empty()) throw ProbeError(rpc::kNotAPlugin, "the VST3 bundle has no Linux module (Contents/x86_64-linux/*.so)");
    std::sort(candidates.begin(), candidates.end());
    return candidates.front().string();
}

/// ModuleEntry(handle) on construction when exported (throws when it returns false), ModuleExit() on destruction.
/// The handle ModuleEntry wants is a second reference to the already-open module (RTLD_NOLOAD), released last.
class ModuleScope {
public:
    ModuleScope(const DlLibrary& library, const std::string& module) {
        using Entry = bool (*)(void*);
        auto entry = reinterpret_cast<Entry>(library.symbol("ModuleEntry"));
        if (entry == nullptr) return;
        handle_ = dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
        if (!entry(handle_)) {
            release();
            throw ProbeError(rpc::kLoadFailed, "the VST3 module's ModuleEntry failed");
        }
        exit_ = reinterpret_cast<bool (*)()>(library.symbol("ModuleExit"));
    }
    ModuleScope(const ModuleScope&) = delete;
    ModuleScope& operator=(const ModuleScope&) = delete;
    ~ModuleScope() {
        if (exit_ != nullptr) exit_();
        release();
    }

private:
    void release() {
        if (handle_ != nullptr) dlclose(handle_);
        handle_ = nullptr;
    }
    void* handle_ = nullptr;
    bool (*exit_)() = nullptr;
};

/// What the factory says about one class, from the richest class-info version it offers.
struct ClassInfo {
    v3_tuid cid{};
    std::string category, name, vendor, version, subCategories;
};

ClassInfo readClassInfo(const ComPtr<v3_plugin_factory>& factory, const ComPtr<v3_plugin_factory_2>& factory2,
                        const ComPtr<v3_plugin_factory_3>& factory3, int32_t index) {
    ClassInfo out;
    v3_class_info info{};
    if (factory.vtbl()->get_class_info(factory.get(), index, &info) != V3_OK) return out;
    std::memcpy(out.cid, info.class_id, sizeof out.cid);
    out.category = vst3::fixed(info.category);
    out.name = vst3::fixed(info.name);
    v3_class_info_2 info2{};
    if (factory2 && factory2.vtbl()->get_class_info_2(factory2.get(), index, &info2) == V3_OK) {
        out.name = vst3::fixed(info2.name);
        out.vendor = vst3::fixed(info2.vendor);
        out.version = vst3::fixed(info2.version);
        out.subCategories = vst3::fixed(info2.sub_categories);
    }
    v3_class_info_3 info3{};
    if (factory3 && factory3.vtbl()->get_class_info_utf16(factory3.get(), index, &info3) == V3_OK) {
        out.name = vst3::utf8(info3.name, 64);
        out.vendor = vst3::utf8(info3.vendor, 64);
        out.version = vst3::utf8(info3.version, 64);
        out.subCategories = vst3::fixed(info3.sub_categories);
    }
    return out;
}

/// True when the '|'-separated subcategory list holds `wanted`.
bool hasSubCategory(const std::string& list, const std::string& wanted) {
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t end = std::min(list.find('|', start), list.size());
        if (list.compare(start, end - start, wanted) == 0) return true;
        start = end + 1;
    }
    return false;
}

class Vst3Format final : public Format {
public:
    std::string name() const override { return "vst3"; }

    std::vector<PluginInfo> probe(const std::string& path, const ProbeOptions&) override {
        vst3::HostApplication host;  // first: outlives everything the plugin may still hold a reference to
        LoadedModule module(path);
        return probeFactory(module.factory, host);
    }

    /// uid: the class UID as probe prints it; only audio module classes are plugins.
    check::Result check(const std::string& path, const check::Request& request) override {
        vst3::HostApplication host;
        LoadedModule module(path);
        auto factory2 = module.factory.query<v3_plugin_factory_2>(v3_plugin_factory_2_iid);
        auto factory3 = module.factory.query<v3_plugin_factory_3>(v3_plugin_factory_3_iid);
        if (factory3) factory3.vtbl()->set_host_context(factory3.get(), host.ptr());
        const int32_t classes = module.factory.vtbl()->num_classes(module.factory.get());
        for (int32_t i = 0; i < classes; ++i) {
            ClassInfo cls = readClassInfo(module.factory, factory2, factory3, i);
            if (cls.category != "Audio Module Class" || vst3::uidText(cls.cid) != request.uid) continue;
            std::unique_ptr<vst3::Instance> instance;
            try {
                instance = std::make_unique<vst3::Instance>(module.factory.get(), cls.cid, host, cls.name);
            } catch (const ProbeError& e) {
                throw check::Failed(e.what());
            }
            return check::runVst3(*instance, request);
        }
        throw ProbeError(rpc::kUnknownPlugin, "no plugin \"" + request.uid + "\" in " + path);
    }

private:
    /// The module loaded, ModuleEntry run and the factory obtained; released in reverse order.
    struct LoadedModule {
        explicit LoadedModule(const std::string& path)
            : file(moduleFile(path)), library(open(file)), scope(library, file), factory(getFactory(library)) {}
        std::string file;
        DlLibrary library;
        ModuleScope scope;
        ComPtr<v3_plugin_factory> factory;
    };

    static DlLibrary open(const std::string& module) {
        if (!looksLikeSharedLibrary(module)) throw ProbeError(rpc::kNotAPlugin, "not a VST3 module: " + module + " is not a shared library");
        DlLibrary library(module);
        if (!library.ok()) throw ProbeError(rpc::kLoadFailed, "dlopen failed: " + library.error());
        if (library.symbol("GetPluginFactory") == nullptr) throw ProbeError(rpc::kNotAPlugin, "no VST3 entry point (GetPluginFactory)");
        return library;
    }

    static ComPtr<v3_plugin_factory> getFactory(const DlLibrary& library) {
        using GetFactory = v3_plugin_factory** (*)();
        auto entry = reinterpret_cast<GetFactory>(library.symbol("GetPluginFactory"));
        ComPtr<v3_plugin_factory> factory(entry());
        if (!factory) throw ProbeError(rpc::kLoadFailed, "the VST3 module's GetPluginFactory returned nothing");
        return factory;
    }

    static std::vector<PluginInfo> probeFactory(const ComPtr<v3_plugin_factory>& factory, vst3::HostApplication& host) {
        auto factory2 = factory.query<v3_plugin_factory_2>(v3_plugin_factory_2_iid);
        auto factory3 = factory.query<v3_plugin_factory_3>(v3_plugin_factory_3_iid);
        if (factory3) factory3.vtbl()->set_host_context(factory3.get(), host.ptr());
        v3_factory_info factoryInfo{};
        factory.vtbl()->get_factory_info(factory.get(), &factoryInfo);

        std::vector<PluginInfo> plugins;
        const int32_t classes = factory.vtbl()->num_classes(factory.get());
        for (int32_t i = 0; i < classes; ++i) {
            ClassInfo cls = readClassInfo(factory, factory2, factory3, i);
            if (cls.category != "Audio Module Class") continue;
            PluginInfo info;
            info.format = "vst3";
            info.uid = vst3::uidText(cls.cid);
            info.name = cls.name;
            info.vendor = cls.vendor.empty() ? vst3::fixed(factoryInfo.vendor) : cls.vendor;
            info.version = cls.version;
            info.rawCategory = cls.subCategories;
            info.isInstrument = hasSubCategory(cls.subCategories, "Instrument");
            vst3::Instance instance(factory.get(), cls.cid, host, cls.name);
            vst3::describeInstance(instance, info);
            plugins.push_back(std::move(info));
        }
        if (plugins.empty()) throw ProbeError(rpc::kNotAPlugin, "the VST3 module has no audio module class");
        return plugins;
    }
};

}  // namespace

std::unique_ptr<Format> makeVst3Format() { return std::make_unique<Vst3Format>(); }

}  // namespace pluginary
