package com.crosspoint.boot;

import com.crosspoint.demo.DemoCarriers;
import com.crosspoint.model.Tenant;
import java.io.PrintStream;
import java.util.stream.Collectors;

/** The banner's lines about the demo's outside calls: the users' DIDs and the simulated carriers, or why there are none. */
final class DemoBanner {
    private DemoBanner() {
    }

    static void outside(PrintStream out, Appliance a, Tenant tenant) {
        String dids = a.stores().dids().list(tenant.id()).stream().map(d -> d.extension() + " " + d.number())
                .sorted().collect(Collectors.joining(", "));
        if (!dids.isEmpty()) {
            out.println("    DIDs (caller ID outside, and reachable from outside): " + dids);
        }
        DemoCarriers carriers = a.demoCarriers();
        if (carriers != null) {
            out.println("    outside calls: dial e.g. 6175551234 from a demo phone; it goes through the call router to");
            for (DemoCarriers.Running r : carriers.running()) {
                out.println("      " + r.carrier().name() + " 127.0.0.1:" + r.port() + ", " + r.carrier().ratePerMinute()
                        + "/min, " + r.carrier().behaviour() + ", plays " + r.carrier().toneHz() + " Hz");
            }
            out.println("    carrier figures: console Carriers tab, admin dashboard, GET /api/v1/carriers/quality");
        } else if (a.routerPort() > 0 && a.config().demo().carriers()) {
            out.println("    no simulated carriers: " + DemoCarriers.INSTALL_HINT);
        }
    }
}
