package com.crosspoint.sip.b2bua;

import com.crosspoint.media.engine.AudioSource;
import com.crosspoint.media.engine.MediaEngine;
import com.crosspoint.media.engine.MediaUnavailableException;
import com.crosspoint.media.engine.SessionListener;
import com.crosspoint.media.engine.SessionRequest;
import com.crosspoint.media.play.MusicOnHold;
import com.crosspoint.media.play.PromptLibrary;
import com.crosspoint.media.record.Recorder;
import com.crosspoint.media.sdp.SdpNegotiator;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What calls whose media the appliance anchors need: the media engine and the address our SDP names, prompts, an
 * executor for recordings' file writes, the recording limits, and the music a held party hears.
 */
public record MediaServices(MediaEngine engine, InetAddress advertised, PromptLibrary prompts, Executor files,
                            Recorder.Limits limits, MusicOnHold musicOnHold) implements AnchoredMedia {
    public MediaServices {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(advertised, "advertised");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(musicOnHold, "musicOnHold");
    }

    @Override
    public AnchoredSession open(String label, SessionListener listener, Leg phone) throws MediaUnavailableException {
        var session = engine.open(new SessionRequest(label, null, listener));
        return new AnchoredSession(session, new SdpNegotiator(advertised, session.localPort(),
                ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE), phone);
    }

    @Override
    public AudioSource music() {
        return musicOnHold.player();
    }
}
