package com.crosspoint.api;

import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser dashboards: files of the classpath folder {@code web/} (the web-chat module) at
 * {@code /}, a folder's {@code index.html} for the folder, no directory listings. Every answer
 * carries a strict Content-Security-Policy and the other security headers; paths with encoded
 * separators, dots or backslashes are refused before any file is looked up.
 */
final class StaticAssets extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(StaticAssets.class);
    static final String FOLDER = "web/";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    StaticAssets(Server server) {
        this(ResourceFactory.of(server).newClassLoaderResource(FOLDER));
    }

    /** Serves {@code base} (null: nothing, every path is 404). */
    StaticAssets(Resource base) {
        if (base == null) {
            LOG.warn("no classpath folder {}: the web dashboards are not served", FOLDER);
            return;
        }
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(base);
        files.setDirAllowed(false);
        files.setWelcomeFiles(List.of("index.html"));
        files.setWelcomeMode(ResourceService.WelcomeMode.SERVE);
        files.setCacheControl("no-cache");
        files.setEtags(true);
        setHandler(files);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!safe(request.getHttpURI().getPath())) {
            return false;
        }
        var h = response.getHeaders();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put(HttpHeader.CACHE_CONTROL, "no-cache");
        return super.handle(request, response, callback);
    }

    /** A raw (still encoded) path without traversal tricks: no encoded '/', '\', '.' or NUL, no '..' segment. */
    static boolean safe(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%00")
                || lower.contains("\\") || lower.contains("%25")) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }
}
