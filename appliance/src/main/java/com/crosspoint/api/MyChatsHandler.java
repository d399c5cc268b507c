package com.crosspoint.api;

import com.crosspoint.api.dto.ChatAvailabilityRequest;
import com.crosspoint.api.dto.ChatDto;
import com.crosspoint.api.dto.ChatLineDto;
import com.crosspoint.api.dto.ChatPage;
import com.crosspoint.api.dto.ChatTextRequest;
import com.crosspoint.api.dto.MyChatsDto;
import com.crosspoint.chat.ChatAgent;
import com.crosspoint.chat.ChatRefused;
import com.crosspoint.chat.ChatService;
import com.crosspoint.chat.InvalidChatInput;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.User;
import com.crosspoint.store.ChatStore;

/**
 * The agent's side of visitor chats ({@code /api/v1/me/chats}): the desk (queues, taking chats or not, the chats
 * offered to or answered by it), the switch, accept, decline, reply, typing, end, and its chat history with the
 * transcripts of chats it answered. Live changes come on the event stream ({@code chat.*} frames).
 */
final class MyChatsHandler implements RouteGroup {
    static final String BASE = MeHandler.BASE + "/chats";

    private final ChatService chats;
    private final ChatStore store;
    private final Directory directory;
    private final LoginSessions sessions;

    MyChatsHandler(ChatService chats, ChatStore store, Directory directory, LoginSessions sessions) {
        this.chats = chats;
        this.store = store;
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE, Access.USER, this::desk)
                .add("PUT", BASE + "/availability", Access.USER, this::availability)
                .add("GET", BASE + "/history", Access.USER, this::history)
                .add("GET", BASE + "/{chatId}", Access.USER, this::transcript)
                .add("POST", BASE + "/{chatId}/accept", Access.USER, rq -> act(rq, Action.ACCEPT))
                .add("POST", BASE + "/{chatId}/decline", Access.USER, rq -> act(rq, Action.DECLINE))
                .add("POST", BASE + "/{chatId}/typing", Access.USER, rq -> act(rq, Action.TYPING))
                .add("POST", BASE + "/{chatId}/end", Access.USER, rq -> act(rq, Action.END))
                .add("POST", BASE + "/{chatId}/messages", Access.USER, this::reply);
    }

    private enum Action { ACCEPT, DECLINE, TYPING, END }

    private User user(ApiRequest rq) {
        return MeHandler.currentUser(rq, directory, sessions);
    }

    static ChatAgent agentOf(User u) {
        return new ChatAgent(u.id(), u.extension(), u.displayName());
    }

    private Reply desk(ApiRequest rq) {
        User u = user(rq);
        return Reply.ok(new MyChatsDto(chats.queuesOf(u.tenantId(), u.extension()), chats.available(u.id()),
                chats.openChatsOf(u.id()).stream().map(ChatDto::of).toList()));
    }

    private Reply availability(ApiRequest rq) throws Exception {
        User u = user(rq);
        ChatAvailabilityRequest body = rq.body(ChatAvailabilityRequest.class);
        if (body.available() == null) {
            throw ApiException.badRequest("available", "is required (true or false)");
        }
        if (body.available() && chats.queuesOf(u.tenantId(), u.extension()).isEmpty()) {
            throw ApiException.conflict("available", "you answer no chat queue");
        }
        chats.presence(u.tenantId(), agentOf(u), body.available());
        return desk(rq);
    }

    private Reply history(ApiRequest rq) {
        User u = user(rq);
        int offset = rq.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = rq.queryInt("limit", CdrsHandler.DEFAULT_LIMIT, 1, CdrsHandler.MAX_LIMIT);
        return Reply.ok(new ChatPage(store.list(u.tenantId(), u.id(), offset, limit).stream().map(ChatDto::of).toList(),
                store.count(u.tenantId(), u.id()), offset, limit));
    }

    /** A chat this agent answered (or holds now), with its stored transcript. */
    private Reply transcript(ApiRequest rq) {
        User u = user(rq);
        long id = rq.pathId("chatId");
        return store.find(u.tenantId(), id)
                .filter(c -> c.agent() != null && c.agent().userId() == u.id())
                .map(c -> Reply.ok(ChatDto.of(c)))
                .orElseThrow(() -> ApiException.notFound("no chat " + id + " of yours"));
    }

    private Reply act(ApiRequest rq, Action action) {
        User u = user(rq);
        long id = rq.pathId("chatId");
        try {
            switch (action) {
                case ACCEPT -> {
                    return Reply.ok(ChatDto.of(chats.accept(id, u.id())));
                }
                case DECLINE -> chats.decline(id, u.id());
                case TYPING -> chats.agentTyping(id, u.id());
                case END -> chats.agentEnds(id, u.id());
                default -> throw new IllegalArgumentException(action.name());
            }
        } catch (ChatRefused e) {
            throw ApiException.conflict("chatId", e.getMessage());
        }
        return Reply.noContent();
    }

    private Reply reply(ApiRequest rq) throws Exception {
        User u = user(rq);
        long id = rq.pathId("chatId");
        ChatTextRequest body = rq.body(ChatTextRequest.class);
        try {
            return Reply.created(BASE + "/" + id, ChatLineDto.of(chats.agentSays(id, u.id(), body.text())));
        } catch (InvalidChatInput e) {
            throw ApiException.badRequest(e.field(), e.getMessage().substring(e.field().length() + 1));
        } catch (ChatRefused e) {
            throw ApiException.conflict("chatId", e.getMessage());
        }
    }
}
