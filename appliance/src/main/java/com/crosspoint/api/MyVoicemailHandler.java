package com.crosspoint.api;

import com.crosspoint.api.dto.FolderRequest;
import com.crosspoint.api.dto.MailboxDto;
import com.crosspoint.api.dto.PinRequest;
import com.crosspoint.api.dto.VoicemailDto;
import com.crosspoint.directory.Directory;
import com.crosspoint.media.wav.WavAudio;
import com.crosspoint.media.wav.WavFormatException;
import com.crosspoint.media.wav.WavReader;
import com.crosspoint.media.wav.WavWriter;
import com.crosspoint.model.MailboxCounts;
import com.crosspoint.model.User;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.voicemail.GreetingKind;
import com.crosspoint.voicemail.VoicemailService;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/v1/me/voicemails} and {@code /api/v1/me/voicemail}: the end user's mailbox — list,
 * listen (WAV), mark heard, delete — its PIN and its greetings (WAV upload, 8 kHz mono).
 */
final class MyVoicemailHandler implements RouteGroup {
    private static final String BASE = MeHandler.BASE;
    /** Two minutes of 8 kHz 16-bit audio, with room for a header. */
    static final int MAX_GREETING_BYTES = 2 * 60 * 8000 * 2 + 4096;
    private static final long MAX_GREETING_MILLIS = 120_000;
    private static final Set<String> WAV_TYPES = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave");

    private final VoicemailService voicemail;
    private final Directory directory;
    private final LoginSessions sessions;

    MyVoicemailHandler(VoicemailService voicemail, Directory directory, LoginSessions sessions) {
        this.voicemail = voicemail;
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE + "/voicemails", Access.USER, this::mailbox)
                .add("GET", BASE + "/voicemails/{voicemailId}/audio", Access.USER, this::audio)
                .add("PUT", BASE + "/voicemails/{voicemailId}", Access.USER, this::move)
                .add("DELETE", BASE + "/voicemails/{voicemailId}", Access.USER, this::delete)
                .add("PUT", BASE + "/voicemail/pin", Access.USER, this::pin)
                .add("PUT", BASE + "/voicemail/greetings/{kind}", Access.USER, MAX_GREETING_BYTES, this::uploadGreeting)
                .add("DELETE", BASE + "/voicemail/greetings/{kind}", Access.USER, this::removeGreeting);
    }

    private User user(ApiRequest rq) {
        return MeHandler.currentUser(rq, directory, sessions);
    }

    private Reply mailbox(ApiRequest rq) {
        User u = user(rq);
        MailboxCounts counts = voicemail.counts(u.id());
        return Reply.ok(new MailboxDto(counts.newMessages(), counts.savedMessages(), voicemail.hasPin(u.id()),
                voicemail.greeting(u, GreetingKind.BUSY).isPresent(),
                voicemail.greeting(u, GreetingKind.UNAVAILABLE).isPresent(),
                voicemail.all(u.id()).stream().map(VoicemailDto::of).toList()));
    }

    /** The recording as stored: 8 kHz 16-bit mono WAV, which every browser's audio element plays. */
    private Reply audio(ApiRequest rq) throws IOException {
        User u = user(rq);
        long id = rq.pathId("voicemailId");
        byte[] wav = Files.readAllBytes(voicemail.audio(u.id(), id));
        return new Reply(200, new Reply.RawBody("audio/wav", wav),
                java.util.Map.of("Content-Disposition", "inline; filename=\"voicemail-" + id + ".wav\""));
    }

    private Reply move(ApiRequest rq) throws IOException {
        User u = user(rq);
        long id = rq.pathId("voicemailId");
        FolderRequest body = rq.body(FolderRequest.class);
        if (body.folder() != VoicemailFolder.SAVED) {
            throw ApiException.badRequest("folder", "a message can only be moved to SAVED (heard)");
        }
        return Reply.ok(VoicemailDto.of(voicemail.save(u.id(), id)));
    }

    private Reply delete(ApiRequest rq) {
        User u = user(rq);
        voicemail.delete(u.id(), rq.pathId("voicemailId"));
        return Reply.noContent();
    }

    private Reply pin(ApiRequest rq) throws IOException {
        User u = user(rq);
        voicemail.setPin(u.id(), rq.body(PinRequest.class).pin());
        return Reply.noContent();
    }

    /** Checked as a WAV the media server can play, then written like a recording: complete or not at all. */
    private Reply uploadGreeting(ApiRequest rq) throws IOException {
        User u = user(rq);
        GreetingKind kind = kind(rq);
        byte[] bytes = rq.rawBody(MAX_GREETING_BYTES, WAV_TYPES);
        WavAudio audio;
        try {
            audio = WavReader.read(bytes);
        } catch (WavFormatException e) {
            throw ApiException.badRequest("body", "not a usable WAV file: " + e.getMessage());
        }
        long millis = audio.samples().length / 8L;
        if (audio.truncated() || millis < 500 || millis > MAX_GREETING_MILLIS) {
            throw ApiException.badRequest("body", "a greeting must be a complete recording of 0.5 to 120 seconds");
        }
        try (WavWriter writer = WavWriter.create(voicemail.greetingTarget(u, kind))) {
            writer.write(audio.samples());
            writer.finish();
        }
        return Reply.noContent();
    }

    private Reply removeGreeting(ApiRequest rq) {
        User u = user(rq);
        voicemail.removeGreeting(u, kind(rq));
        return Reply.noContent();
    }

    private static GreetingKind kind(ApiRequest rq) {
        try {
            return GreetingKind.valueOf(rq.path("kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind", "must be busy or unavailable");
        }
    }
}
