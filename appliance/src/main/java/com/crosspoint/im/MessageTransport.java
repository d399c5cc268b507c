package com.crosspoint.im;

import com.crosspoint.model.Binding;
import com.crosspoint.model.InstantMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Carries a message to devices (SIP MESSAGE); implemented by the SIP edge. */
public interface MessageTransport {
    /** Sends to every device; completes true as soon as one accepted it, false when none did. */
    CompletableFuture<Boolean> deliver(InstantMessage message, String domain, List<Binding> devices);
}
