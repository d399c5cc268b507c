package com.crosspoint.boot;

import java.io.PrintStream;

/** The start-up message: where to point phones and browsers, and any password set at this start. */
final class Banner {
    private Banner() {
    }

    static void print(PrintStream out, Appliance a) {
        var cfg = a.config();
        var c = a.credentials();
        String host = cfg.network().advertisedAddress();
        out.println();
        out.println("Crosspoint is running (node " + cfg.node().name() + ", data in " + cfg.data().dir() + ")");
        out.println("  Roles:      " + cfg.node().roles().stream().sorted().map(r -> r.key())
                .collect(java.util.stream.Collectors.joining(", ")));
        if (a.sipPort() > 0) {
            out.println("  SIP:        " + host + ":" + a.sipPort() + " (UDP, TCP)");
        }
        if (a.routerPort() > 0) {
            out.println("  Call router: " + host + ":" + a.routerPort() + " (UDP, TCP; carriers and decks over the API)");
        }
        if (a.gatewayPort() > 0) {
            out.println("  Gateway:    " + host + ":" + a.gatewayPort() + " (UDP, TCP; DIDs from gateway.dids)");
        }
        if (a.stunTurn() != null) {
            int port = a.stunTurn().port();
            int tls = a.stunTurn().tlsPort();
            out.println("  STUN/TURN:  stun:" + host + ":" + port + "  turn:" + host + ":" + port
                    + "?transport=udp|tcp" + (tls > 0 ? "  turns:" + host + ":" + tls : "")
                    + "   (TURN user = a device's SIP user and password)");
        }
        String web = "http://" + host + ":" + a.httpPort();
        out.println("  Dashboards: " + web + "/   (users: extension + web password; admins: " + web + "/admin/)");
        out.println("  API:        " + web + "/api/v1/   (docs/api.md)");
        out.println("  Console:    bin/crosspoint-console --url=" + web + "   (operator console, needs a display)");
        out.println("  Admin:      " + c.adminUsername() + (c.adminPassword() != null
                ? " / " + c.adminPassword() + "   (shown once: keep it)" : " (password unchanged)"));
        out.println("  Admin CLI:  bin/crosspoint --help   (CROSSPOINT_URL=" + web + ")");
        if (c.demoTenant() != null && a.sipPort() > 0) {
            out.println("  Demo tenant " + c.demoTenant().domain() + ", extensions " + String.join(", ", c.demoExtensions()));
            out.println("    phones register as sip:<extension>@" + host + ":" + a.sipPort()
                    + ", user name = extension");
            out.println("    SIP and web password: " + (c.demoPassword() != null ? c.demoPassword()
                    : "unchanged since the first start (set CROSSPOINT_DEMO_PASSWORD to reset it)"));
            out.println("    voicemail PIN (dial *97, key the PIN, then # or a 3 s pause): " + (c.demoPin() != null ? c.demoPin()
                    : "unchanged since it was set (set CROSSPOINT_DEMO_PIN to reset it)"));
            if (c.demoMenu() != null) {
                out.println("    auto-attendant: dial " + c.demoMenu() + "   (1 and 2 ring the first two extensions, # dials any)");
            }
            if (c.demoRoom() != null) {
                out.println("    conference room: dial " + c.demoRoom() + "   (no PIN; * mutes yourself)");
            }
            a.acd().queues(c.demoTenant().id()).stream().filter(q -> q.name().equalsIgnoreCase(DemoQueue.NAME))
                    .findFirst().ifPresent(q -> out.println("    contact center: dial " + q.number() + "   (queue \""
                            + q.name() + "\"; agents log in with *50, pause *52, resume *53, log out *51)"));
            out.println("    web chat: " + web + "/chat/demo.html   (agents take chats in the dashboard's Chats view)");
            DemoBanner.outside(out, a, c.demoTenant());
        }
        out.println();
        out.flush();
    }
}
