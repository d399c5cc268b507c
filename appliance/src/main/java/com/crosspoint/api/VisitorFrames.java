package com.crosspoint.api;

import com.crosspoint.chat.ChatLine;
import com.crosspoint.chat.ChatSnapshot;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/** The frames the appliance sends a chat visitor (docs/api.md, "Visitor chat WebSocket"), as JSON objects. */
final class VisitorFrames {
    private final ObjectMapper json;

    VisitorFrames(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode started(ChatSnapshot c, String token, int maxMessageChars) {
        return frame("started").put("chat", c.id()).put("token", token).put("queue", c.queue())
                .put("state", c.state().wire()).put("maxMessageChars", maxMessageChars);
    }

    ObjectNode line(ChatLine l) {
        return frame("line").put("seq", l.seq()).put("from", l.from().wire()).put("author", l.author())
                .put("text", l.text()).put("at", l.at().toString());
    }

    ObjectNode state(ChatSnapshot c) {
        ObjectNode f = frame("state").put("state", c.state().wire());
        f.put("agent", c.agent() == null ? null : c.agent().name());
        f.put("endedBy", c.endedBy() == null ? null : c.endedBy().wire());
        return f;
    }

    ObjectNode position(int position, Duration estimate) {
        ObjectNode f = frame("position").put("position", position);
        if (estimate == null) {
            f.putNull("estimatedWaitSeconds");
        } else {
            f.put("estimatedWaitSeconds", estimate.toSeconds());
        }
        return f;
    }

    /** The visitor's message {@code id} is stored as line {@code seq}. */
    ObjectNode receipt(String id, long seq) {
        return frame("delivered").put("id", id).put("seq", seq);
    }

    /** The agent has read the visitor's lines up to {@code seq}. */
    ObjectNode read(long seq) {
        return frame("read").put("seq", seq);
    }

    /** The visitor's message was stored as {@code id}; the connection closes after this frame. */
    ObjectNode left(long id) {
        return frame("left").put("id", id);
    }

    ObjectNode typing() {
        return frame("typing").put("from", "agent");
    }

    ObjectNode error(String code, String message, String field) {
        ObjectNode f = frame("error").put("code", code).put("message", message);
        if (field != null) {
            f.put("field", field);
        }
        return f;
    }

    private ObjectNode frame(String type) {
        return json.createObjectNode().put("type", type);
    }
}
