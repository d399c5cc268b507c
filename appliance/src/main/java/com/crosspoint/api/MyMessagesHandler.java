package com.crosspoint.api;

import com.crosspoint.api.dto.ConversationDto;
import com.crosspoint.api.dto.MessageDto;
import com.crosspoint.api.dto.MessagePage;
import com.crosspoint.api.dto.ReadMessagesRequest;
import com.crosspoint.api.dto.SendMessageRequest;
import com.crosspoint.api.dto.SendMessageResultDto;
import com.crosspoint.directory.Directory;
import com.crosspoint.im.MessageService;
import com.crosspoint.model.InstantMessage;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The end user's messages: conversations with unread counts, one conversation's history, sending
 * (through {@link MessageService}: committed first, then SIP MESSAGE to every registered device of
 * the recipient) and marking a conversation read.
 */
final class MyMessagesHandler implements RouteGroup {
    private static final String BASE = MeHandler.BASE + "/messages";
    private static final Pattern EXTENSION = Pattern.compile("^[0-9]{2,15}$");
    private static final int MAX_BODY_CHARS = 4000;
    /** As long as the SIP side waits before answering 202: a phone that answers at once counts as delivered. */
    private static final long DELIVERY_WAIT_MS = 2000;
    private static final String CONTENT_TYPE = "text/plain";

    private final MessageService messages;
    private final Directory directory;
    private final LoginSessions sessions;

    MyMessagesHandler(MessageService messages, Directory directory, LoginSessions sessions) {
        this.messages = messages;
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", MeHandler.BASE + "/conversations", Access.USER, this::conversations)
                .add("GET", BASE, Access.USER, this::history)
                .add("POST", BASE, Access.USER, this::send)
                .add("POST", BASE + "/read", Access.USER, this::read);
    }

    private User user(ApiRequest rq) {
        return MeHandler.currentUser(rq, directory, sessions);
    }

    private Reply conversations(ApiRequest rq) {
        User u = user(rq);
        return Reply.ok(messages.conversations(u.tenantId(), u.extension()).stream()
                .map(c -> new ConversationDto(c.peer(), peerName(u.tenantId(), c.peer()),
                        MessageDto.of(c.lastMessage()), c.unread())).toList());
    }

    private String peerName(long tenantId, String extension) {
        return directory.userByExtension(tenantId, extension).map(User::displayName).orElse(null);
    }

    private Reply history(ApiRequest rq) {
        User u = user(rq);
        String peer = rq.query("peer").orElseThrow(() -> ApiException.badRequest("peer", "is required"));
        requireExtension("peer", peer);
        int offset = rq.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = rq.queryInt("limit", CdrsHandler.DEFAULT_LIMIT, 1, CdrsHandler.MAX_LIMIT);
        return Reply.ok(new MessagePage(messages.history(u.tenantId(), u.extension(), peer, offset, limit).stream()
                .map(MessageDto::of).toList(), offset, limit));
    }

    private Reply send(ApiRequest rq) throws Exception {
        User u = user(rq);
        SendMessageRequest body = rq.body(SendMessageRequest.class);
        String to = body.to() == null ? null : body.to().trim();
        if (to == null || to.isEmpty()) {
            throw ApiException.badRequest("to", "is required");
        }
        if (to.equals(u.extension())) {
            throw ApiException.badRequest("to", "is your own extension");
        }
        if (!EXTENSION.matcher(to).matches() || directory.userByExtension(u.tenantId(), to).isEmpty()) {
            throw ApiException.badRequest("to", "is not an extension of your tenant");
        }
        String text = body.body();
        if (text == null || text.isEmpty() || text.length() > MAX_BODY_CHARS) {
            throw ApiException.badRequest("body", "must be 1 to " + MAX_BODY_CHARS + " characters");
        }
        Tenant tenant = MeHandler.tenantOf(u, directory);
        MessageService.Submitted sent = messages.submit(tenant, u.extension(), to, CONTENT_TYPE, text);
        InstantMessage delivered = sent.delivery()
                .completeOnTimeout(null, DELIVERY_WAIT_MS, TimeUnit.MILLISECONDS).join();
        SendMessageResultDto result = delivered != null
                ? new SendMessageResultDto(MessageDto.of(delivered), MessageService.Outcome.DELIVERED)
                : new SendMessageResultDto(MessageDto.of(sent.message()), MessageService.Outcome.STORED);
        return Reply.created(BASE + "?peer=" + to, result);
    }

    private Reply read(ApiRequest rq) throws Exception {
        User u = user(rq);
        ReadMessagesRequest body = rq.body(ReadMessagesRequest.class);
        if (body.peer() == null || body.peer().isBlank()) {
            throw ApiException.badRequest("peer", "is required");
        }
        requireExtension("peer", body.peer());
        messages.markRead(u.tenantId(), u.extension(), body.peer());
        return Reply.noContent();
    }

    private static void requireExtension(String field, String value) {
        if (!EXTENSION.matcher(value).matches()) {
            throw ApiException.badRequest(field, "must be an extension (2 to 15 digits)");
        }
    }
}
