/* The LV2 floor for test/bench/host.ts: lilv_world_load_all, then read every plugin's name, class and
   every port's symbol, name, range and scale points - the least any lilv-based scanner must do.
   Prints: plugins ports scale-points cpu-ms. */
#include <lilv/lilv.h>
#include <stdio.h>
#include <sys/resource.h>

int main(void) {
	LilvWorld* world = lilv_world_new();
	lilv_world_load_all(world);
	const LilvPlugins* plugins = lilv_world_get_all_plugins(world);
	unsigned nPlugins = 0, nPorts = 0, nPoints = 0;
	LILV_FOREACH (plugins, i, plugins) {
		const LilvPlugin* plugin = lilv_plugins_get(plugins, i);
		LilvNode* name = lilv_plugin_get_name(plugin);
		lilv_plugin_get_class(plugin);
		lilv_node_free(name);
		const uint32_t n = lilv_plugin_get_num_ports(plugin);
		for (uint32_t p = 0; p < n; ++p) {
			const LilvPort* port = lilv_plugin_get_port_by_index(plugin, p);
			LilvNode* portName = lilv_port_get_name(plugin, port);
			LilvNode *def = NULL, *min = NULL, *max = NULL;
			lilv_port_get_range(plugin, port, &def, &min, &max);
			LilvScalePoints* points = lilv_port_get_scale_points(plugin, port);
			nPoints += points ? lilv_scale_points_size(points) : 0;
			lilv_scale_points_free(points);
			lilv_node_free(def);
			lilv_node_free(min);
			lilv_node_free(max);
			lilv_node_free(portName);
			++nPorts;
		}
		++nPlugins;
	}
	lilv_world_free(world);
	struct rusage usage;
	getrusage(RUSAGE_SELF, &usage);
	const double cpuMs = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
	printf("%u %u %u %.1f\n", nPlugins, nPorts, nPoints, cpuMs);
	return 0;
}
