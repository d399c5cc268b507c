package com.crosspoint.api;

import com.crosspoint.chat.ChatService;
import com.crosspoint.chat.ChatSites;
import com.crosspoint.chat.LeftMessages;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Tenant;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * {@code /chat/ws?tenant=DOMAIN} (WebSocket, no login): the visitor side of the web chat. The upgrade is refused
 * with 404 when the tenant has no chat, 403 when the page's {@code Origin} is neither the appliance's own nor on
 * the tenant's {@code chat.sites} list, 429 when the source address already holds {@code chat.maxChatsPerSource}
 * connections; every refusal is counted. Each connection is a {@link VisitorSocket}.
 */
final class VisitorChatEndpoint {
    static final String PATH = "/chat/ws";

    private final ChatService chats;
    private final LeftMessages leftMessages;
    private final ChatSites sites;
    private final Directory directory;
    private final ObjectMapper json;
    private final int maxFramesPerSecond;
    private final java.time.Duration idleTimeout;
    private final ConcurrentHashMap<String, Integer> perSource = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    VisitorChatEndpoint(ChatService chats, LeftMessages leftMessages, ChatSites sites, Directory directory, ObjectMapper json,
                        int maxFramesPerSecond, java.time.Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
        this.chats = chats;
        this.leftMessages = leftMessages;
        this.sites = sites;
        this.directory = directory;
        this.json = json;
        this.maxFramesPerSecond = maxFramesPerSecond;
    }

    WebSocketCreator creator() {
        ReplyWriter writer = new ReplyWriter(json);
        return (rq, rs, callback) -> {
            String domain = Request.extractQueryParameters(rq).getValue("tenant");
            Optional<Tenant> tenant = domain == null || !sites.enabled(domain) ? Optional.empty()
                    : directory.tenantByDomain(domain.toLowerCase(java.util.Locale.ROOT));
            if (tenant.isEmpty()) {
                refused.increment();
                writer.write(rs, callback, ErrorMapper.reply(404, "no web chat for tenant \"" + domain + "\"", "tenant"));
                return null;
            }
            String origin = rq.getHeaders().get(HttpHeader.ORIGIN);
            if (!sites.allows(domain, origin, OriginPolicy.ownOrigin(rq))) {
                refused.increment();
                writer.write(rs, callback, ErrorMapper.reply(403, "this site may not embed the chat: " + origin,
                        "Origin"));
                return null;
            }
            String source = source(rq.getConnectionMetaData().getRemoteSocketAddress());
            if (perSource.merge(source, 1, Integer::sum) > chats.limits().perSource()) {
                leave(source);
                refused.increment();
                writer.write(rs, callback, ErrorMapper.reply(429, "too many chat connections from this address", null));
                return null;
            }
            return new VisitorSocket(tenant.get().id(), source, chats, leftMessages, json, maxFramesPerSecond, idleTimeout,
                    this::leave);
        };
    }

    private void leave(String source) {
        perSource.computeIfPresent(source, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Upgrades refused (tenant, origin or source limit), since start. */
    long refused() {
        return refused.sum();
    }

    private static String source(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
