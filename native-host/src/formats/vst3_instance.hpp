// One instantiated VST3 audio module: its component, its edit controller (the same object, or a separate class
// connected through IConnectionPoint both ways and given the component's state), torn down in the right order.
#pragma once

#include <memory>
#include <string>

#include "../rpc/errors.hpp"
#include "format.hpp"
#include "vst3_abi.hpp"
#include "vst3_host.hpp"

namespace pluginary::vst3 {

/// Calls initialize on construction (throws when it fails) and terminate on destruction.
template <typename T>
class Initialized {
public:
    Initialized(T** object, HostApplication& host, const char* what) : object_(object) {
        if (v3_cpp_obj_initialize(object_, host.ptr()) != V3_OK) {
            throw ProbeError(rpc::kPluginError, std::string("the plugin's ") + what + " refused to initialize");
        }
    }
    Initialized(const Initialized&) = delete;
    Initialized& operator=(const Initialized&) = delete;
    ~Initialized() { v3_cpp_obj_terminate(object_); }

private:
    T** object_;
};

/// Connects two IConnectionPoints both ways; disconnects on destruction.
class Connection {
public:
    Connection(ComPtr<v3_connection_point> a, ComPtr<v3_connection_point> b) : a_(std::move(a)), b_(std::move(b)) {
        if (!a_ || !b_) return;
        a_.vtbl()->connect(a_.get(), b_.get());
        b_.vtbl()->connect(b_.get(), a_.get());
        connected_ = true;
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() {
        if (!connected_) return;
        a_.vtbl()->disconnect(a_.get(), b_.get());
        b_.vtbl()->disconnect(b_.get(), a_.get());
    }
    bool connected() const { return connected_; }

private:
    ComPtr<v3_connection_point> a_;
    ComPtr<v3_connection_point> b_;
    bool connected_ = false;
};

/// Creates an instance of class `cid` with interface `iid` through the factory; empty when the factory says no.
template <typename T>
ComPtr<T> createInstance(v3_plugin_factory** factory, const v3_tuid cid, const v3_tuid iid) {
    void* object = nullptr;
    if (v3_cpp_obj(factory)->create_instance(factory, cid, iid, &object) != V3_OK || object == nullptr) return {};
    return ComPtr<T>(static_cast<T**>(object));
}

/// A live audio module. Member order is teardown order, reversed: the connection goes first, then the controller
/// is terminated and released, then the component.
class Instance {
public:
    Instance(v3_plugin_factory** factory, const v3_tuid cid, HostApplication& host, const std::string& name)
        : component_(createInstance<v3_component>(factory, cid, v3_component_iid)),
          componentInit_(requireComponent(name), host, "audio component") {
        controller_ = component_.query<v3_edit_controller>(v3_edit_controller_iid);
        if (!controller_) openSeparateController(factory, host);
        syncState();
    }

    v3_component** component() const { return component_.get(); }
    const ComPtr<v3_component>& componentPtr() const { return component_; }
    /// The edit controller, or empty when the plugin has none (then it has no parameters we can see).
    const ComPtr<v3_edit_controller>& controller() const { return controller_; }
    bool separateController() const { return separateInit_ != nullptr; }
    bool connected() const { return connection_ != nullptr && connection_->connected(); }

private:
    v3_component** requireComponent(const std::string& name) const {
        if (!component_) throw ProbeError(rpc::kPluginError, "the factory could not create the audio module \"" + name + "\"");
        return component_.get();
    }

    void openSeparateController(v3_plugin_factory** factory, HostApplication& host) {
        v3_tuid controllerId{};
        if (component_.vtbl()->get_controller_class_id(component_.get(), controllerId) != V3_OK) return;
        controller_ = createInstance<v3_edit_controller>(factory, controllerId, v3_edit_controller_iid);
        if (!controller_) return;
        separateInit_ = std::make_unique<Initialized<v3_edit_controller>>(controller_.get(), host, "edit controller");
        connection_ = std::make_unique<Connection>(component_.query<v3_connection_point>(v3_connection_point_iid),
                                                   controller_.query<v3_connection_point>(v3_connection_point_iid));
    }

    /// component getState → controller setComponentState, so the controller reports the component's values.
    void syncState() {
        if (!controller_ || !separateController()) return;
        MemoryStream stream;
        if (component_.vtbl()->get_state(component_.get(), stream.ptr()) != V3_OK || stream.bytes.empty()) return;
        MemoryStream::seek(&stream, 0, V3_SEEK_SET, nullptr);
        controller_.vtbl()->set_component_state(controller_.get(), stream.ptr());
    }

    ComPtr<v3_component> component_;
    Initialized<v3_component> componentInit_;
    ComPtr<v3_edit_controller> controller_;
    std::unique_ptr<Initialized<v3_edit_controller>> separateInit_;
    std::unique_ptr<Connection> connection_;
};

}  // namespace pluginary::vst3
