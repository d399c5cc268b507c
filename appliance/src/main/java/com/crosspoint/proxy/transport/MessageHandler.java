package com.crosspoint.proxy.transport;

/**
 * Receives each framed message on the I/O thread that read it. The bytes are only valid during the
 * call (the buffer is reused for the next message): copy what you keep.
 */
@FunctionalInterface
public interface MessageHandler {
    void onMessage(byte[] buffer, int offset, int length, Flow flow);
}
