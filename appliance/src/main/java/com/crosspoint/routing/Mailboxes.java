package com.crosspoint.routing;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.model.User;

/** Voicemail, as routing needs it: the application that takes a message for a user who could not answer. */
@FunctionalInterface
public interface Mailboxes {

    /**
     * Leaving a message for {@code owner}, who could not take a call from {@code caller} (null when the caller is
     * no user of the tenant) for {@code reason}; the greeting follows the reason.
     */
    CallApplication deposit(User owner, Reason reason, User caller);
}
