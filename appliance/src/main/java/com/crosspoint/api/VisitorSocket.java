package com.crosspoint.api;

import com.crosspoint.chat.ChatLine;
import com.crosspoint.chat.ChatRefused;
import com.crosspoint.chat.ChatService;
import com.crosspoint.chat.ChatSnapshot;
import com.crosspoint.chat.ChatVisitor;
import com.crosspoint.chat.InvalidChatInput;
import com.crosspoint.chat.LeftMessages;
import com.crosspoint.chat.VisitorLink;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One visitor's chat connection: reads the visitor's JSON frames ({@code start}, {@code resume}, {@code say},
 * {@code typing}, {@code end}, {@code ping}) into the {@link ChatService} and is that chat's {@link VisitorLink};
 * a {@code leave} frame (after {@code start} was refused with {@code no-agent}) leaves a message instead.
 * Visitor input is untrusted: a frame that is not a JSON object of a known type gets an error frame, and the
 * {@value #MAX_BAD_FRAMES}th such one closes the connection (1008), as do more than {@code maxFramesPerSecond}
 * frames in a second and binary frames (1003). Frames out go one at a time from a bounded queue and never block
 * the chat service; a visitor that does not read falls {@value #QUEUE} frames behind and is closed (1013), and
 * may resume. Public only because Jetty invokes the listener methods reflectively.
 */
public final class VisitorSocket implements Session.Listener.AutoDemanding, VisitorLink {
    private static final Logger LOG = LoggerFactory.getLogger(VisitorSocket.class);
    static final int MAX_BAD_FRAMES = 5;
    static final int QUEUE = 256;

    private final long tenantId;
    private final String source;
    private final ChatService chats;
    private final LeftMessages leftMessages;
    private final ObjectMapper json;
    private final VisitorFrames frames;
    private final int maxFramesPerSecond;
    private final Consumer<String> onGone;
    private final Duration idleTimeout;
    private volatile OutboundFrames out;
    private volatile long chatId;
    private int badFrames;
    private boolean gone;
    private long windowSecond;
    private int framesInWindow;

    VisitorSocket(long tenantId, String source, ChatService chats, LeftMessages leftMessages, ObjectMapper json, int maxFramesPerSecond,
                  Duration idleTimeout, Consumer<String> onGone) {
        this.idleTimeout = idleTimeout;
        this.tenantId = tenantId;
        this.source = source;
        this.chats = chats;
        this.leftMessages = leftMessages;
        this.json = json;
        this.frames = new VisitorFrames(json);
        this.maxFramesPerSecond = maxFramesPerSecond;
        this.onGone = onGone;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        // Room for the longest message with every character escaped, and the frame around it.
        s.setMaxTextMessageSize(chats.limits().maxMessageChars() * 6L + 1024);
        // A visitor that sends nothing (the widget pings every 15 s) is gone or stalling: http.idleTimeoutSeconds.
        s.setIdleTimeout(idleTimeout);
        out = new OutboundFrames(s, QUEUE, "chat visitor " + source);
    }

    @Override
    public void onWebSocketText(String text) {
        if (overRate()) {
            close(StatusCode.POLICY_VIOLATION, "too many frames");
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JsonProcessingException e) {
            bad("bad-frame", "not JSON", null);
            return;
        }
        if (frame == null || !frame.isObject() || !frame.path("type").isTextual()) {
            bad("bad-frame", "a frame is a JSON object with a \"type\"", "type");
            return;
        }
        try {
            handle(frame.get("type").asText(), frame);
        } catch (InvalidChatInput e) {
            bad("invalid", e.getMessage(), e.field());
        } catch (ChatRefused e) {
            send(frames.error(e.code(), e.getMessage(), null));
            if (chatId == 0 && !ChatRefused.NO_AGENT.equals(e.code())) { // nobody answers: a message may follow
                close(StatusCode.POLICY_VIOLATION, e.code());
            }
        }
    }

    private void handle(String type, JsonNode f) {
        switch (type) {
            case "start" -> {
                requireNoChat();
                ChatVisitor visitor = ChatVisitor.of(text(f, "name"), text(f, "email"), text(f, "page"), source);
                chatId = chats.open(tenantId, text(f, "queue"), visitor, this).id();
            }
            case "resume" -> {
                requireNoChat();
                chatId = chats.resume(text(f, "token"), Math.max(0, f.path("after").asLong(0)), this).id();
            }
            case "say" -> {
                String id = text(f, "id");
                ChatLine line = chats.visitorSays(requireChat(), text(f, "text"), id);
                if (id != null) {
                    send(frames.receipt(id, line.seq())); // the widget's "delivered" mark; it stops re-sending
                }
            }
            case "leave" -> {
                requireNoChat();
                ChatVisitor visitor = ChatVisitor.of(text(f, "name"), text(f, "email"), null, source);
                long id = leftMessages.leave(tenantId, text(f, "queue"), visitor, text(f, "text")).id();
                send(frames.left(id));
                close(StatusCode.NORMAL, "message left");
            }
            case "typing" -> chats.visitorTyping(requireChat());
            case "read" -> chats.visitorRead(requireChat(), f.path("seq").asLong(0));
            case "end" -> chats.visitorEnds(requireChat());
            case "ping" -> { }
            default -> bad("bad-frame", "unknown frame type \"" + truncated(type) + "\"", "type");
        }
    }

    private void requireNoChat() {
        if (chatId != 0) {
            throw new InvalidChatInput("type", "this connection already carries a chat");
        }
    }

    private long requireChat() {
        if (chatId == 0) {
            throw new InvalidChatInput("type", "start or resume a chat first");
        }
        return chatId;
    }

    private static String text(JsonNode f, String field) {
        JsonNode v = f.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidChatInput(field, "must be a string");
        }
        return v.asText();
    }

    private static String truncated(String s) {
        return s.length() > 32 ? s.substring(0, 32) + "..." : s;
    }

    private void bad(String code, String message, String field) {
        send(frames.error(code, message, field));
        int count;
        synchronized (this) {
            count = ++badFrames;
        }
        if (count >= MAX_BAD_FRAMES) {
            close(StatusCode.POLICY_VIOLATION, "too many bad frames");
        }
    }

    private boolean overRate() {
        long second = System.nanoTime() / 1_000_000_000L;
        synchronized (this) {
            if (second != windowSecond) {
                windowSecond = second;
                framesInWindow = 0;
            }
            return ++framesInWindow > maxFramesPerSecond;
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
        callback.succeed();
        close(StatusCode.BAD_DATA, "text frames only");
    }

    @Override
    public void started(ChatSnapshot chat, String token) {
        send(frames.started(chat, token, chats.limits().maxMessageChars()));
    }

    @Override
    public void line(ChatLine line) {
        send(frames.line(line));
    }

    @Override
    public void state(ChatSnapshot chat) {
        send(frames.state(chat));
    }

    @Override
    public void position(int position, Duration estimate) {
        send(frames.position(position, estimate));
    }

    @Override
    public void read(long seq) {
        send(frames.read(seq));
    }

    @Override
    public void agentTyping() {
        send(frames.typing());
    }

    @Override
    public void close(String reason) {
        close(StatusCode.NORMAL, reason);
    }

    private void send(ObjectNode frame) {
        String text;
        try {
            text = json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chat frame could not be written", e);
        }
        OutboundFrames o = out;
        if (o != null && !o.offer(text)) {
            o.close(StatusCode.TRY_AGAIN_LATER, "visitor does not read; resume");
        }
    }

    private void close(int code, String reason) {
        OutboundFrames o = out;
        if (o == null) {
            return;
        }
        if (code == StatusCode.NORMAL) {
            o.closeWhenSent(reason); // the last line and "ended" go out first
        } else {
            o.close(code, reason);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        gone();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("chat socket of {} failed", source, cause);
        gone();
    }

    private void gone() {
        boolean first;
        synchronized (this) {
            first = !gone;
            gone = true;
        }
        if (out != null) {
            out.gone();
        }
        if (first) {
            onGone.accept(source);
            if (chatId != 0) {
                chats.linkLost(chatId, this);
            }
        }
    }
}
