package com.crosspoint.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A message left in a user's mailbox. The recording is a WAV file under the data directory; the
 * row is written only after the file is complete and durable, so a row always has its file.
 *
 * @param callerExtension the caller's extension when the caller was one of the tenant's users, else null
 * @param callerName      the caller's display name or SIP URI as it arrived, for listings; may be null
 * @param file            path of the recording relative to the voicemail directory
 */
public record Voicemail(long id, long tenantId, long userId, String callerExtension, String callerName,
                        Instant receivedAt, long durationMillis, String file, VoicemailFolder folder) {

    public Voicemail {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(folder, "folder");
        if (durationMillis < 0) {
            throw new IllegalArgumentException("durationMillis must not be negative: " + durationMillis);
        }
        if (file.isBlank() || file.startsWith("/") || file.contains("..")) {
            throw new IllegalArgumentException("file must be a relative path inside the voicemail directory: " + file);
        }
    }

    public Voicemail inFolder(VoicemailFolder to) {
        return new Voicemail(id, tenantId, userId, callerExtension, callerName, receivedAt, durationMillis, file, to);
    }
}
