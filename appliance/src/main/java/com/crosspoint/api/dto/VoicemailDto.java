package com.crosspoint.api.dto;

import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import java.time.Instant;

/** A voicemail as the dashboards list it; the audio is at {@code /api/v1/me/voicemails/{id}/audio}. */
public record VoicemailDto(long id, long tenantId, long userId, String callerExtension, String callerName,
                           Instant receivedAt, long durationMillis, VoicemailFolder folder) {

    public static VoicemailDto of(Voicemail v) {
        return new VoicemailDto(v.id(), v.tenantId(), v.userId(), v.callerExtension(), v.callerName(), v.receivedAt(),
                v.durationMillis(), v.folder());
    }
}
