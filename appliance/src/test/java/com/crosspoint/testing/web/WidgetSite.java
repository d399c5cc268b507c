package com.crosspoint.testing.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * A web site of another origin than the appliance's (its own port on 127.0.0.1) whose page {@code /shop.html}
 * embeds the chat widget for queue "support" of {@code tenantDomain}, as a business's site would.
 */
public final class WidgetSite implements AutoCloseable {
    private final HttpServer server;

    private WidgetSite(HttpServer server) {
        this.server = server;
    }

    /** {@code appliancePort} is asked at each page load (the appliance may start after the site). */
    public static WidgetSite start(IntSupplier appliancePort, String tenantDomain) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/shop.html", exchange -> {
            byte[] page = ("""
                    <!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>The shop</h1>
                    <script src="http://127.0.0.1:%d/chat/widget.js" data-tenant="%s" data-queue="support"></script>
                    </body></html>""").formatted(appliancePort.getAsInt(), tenantDomain)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return new WidgetSite(server);
    }

    /** The site's origin, as browsers send it. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String page() {
        return origin() + "/shop.html";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
