package com.crosspoint.voicemail;

import com.crosspoint.model.User;

/** Builds the voice applications of voicemail for calls the B2BUA hands over. */
public final class VoicemailApps {
    private final VoicemailService voicemail;

    public VoicemailApps(VoicemailService voicemail) {
        this.voicemail = voicemail;
    }

    /** A caller leaving a message for {@code box}, who is busy or did not answer. */
    public CallApplication deposit(User box, GreetingKind kind, User caller) {
        return new DepositApp(voicemail, box, kind, caller == null ? null : caller.extension(),
                caller == null ? null : caller.displayName());
    }
}
