package com.crosspoint.acd.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/** A java.net.http WebSocket listener handed whole text messages (java.net.http may deliver one in parts). */
abstract class WholeTexts implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    /** One whole text message, on the socket's receiving thread. */
    abstract void onMessage(String text);

    @Override
    public final CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            onMessage(text);
        }
        webSocket.request(1);
        return null;
    }
}
