package com.crosspoint.voicemail;

import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.model.Disposition;

/** A voice application of voicemail: shown as connected to "voicemail", recorded as VOICEMAIL (no person answered). */
interface VoicemailCall extends CallApplication {
    @Override
    default String label() {
        return "voicemail";
    }

    @Override
    default Disposition disposition() {
        return Disposition.VOICEMAIL;
    }
}
