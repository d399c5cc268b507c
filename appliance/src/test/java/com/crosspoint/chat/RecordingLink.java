package com.crosspoint.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A visitor link that writes down what the chat service told it, as short strings. */
final class RecordingLink implements VisitorLink {
    final List<String> heard = new ArrayList<>();
    final List<ChatLine> lines = new ArrayList<>();
    String token;
    boolean closed;

    @Override
    public void started(ChatSnapshot chat, String t) {
        token = t;
        heard.add("started " + chat.state().wire());
    }

    @Override
    public void line(ChatLine line) {
        lines.add(line);
        heard.add("line " + line.seq() + " " + line.from().wire() + " " + line.text());
    }

    @Override
    public void state(ChatSnapshot chat) {
        heard.add("state " + chat.state().wire() + (chat.endedBy() == null ? "" : " by " + chat.endedBy().wire()));
    }

    @Override
    public void position(int position, Duration estimate) {
        heard.add("position " + position);
    }

    @Override
    public void agentTyping() {
        heard.add("typing");
    }

    @Override
    public void close(String reason) {
        closed = true;
        heard.add("closed");
    }

    String last() {
        return heard.isEmpty() ? null : heard.get(heard.size() - 1);
    }
}
