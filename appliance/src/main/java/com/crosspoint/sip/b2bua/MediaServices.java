package com.crosspoint.sip.b2bua;

import com.crosspoint.call.voice.ServiceNumbers;
import com.crosspoint.media.engine.MediaEngine;
import com.crosspoint.media.play.MusicOnHold;
import com.crosspoint.media.play.PromptLibrary;
import com.crosspoint.media.record.Recorder;
import com.crosspoint.voicemail.VoicemailApps;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What calls answered by the appliance itself need: the media engine, the address our SDP names, prompts, an
 * executor for recordings' file writes, the recording limits, voicemail (which also takes calls users miss) and
 * the service numbers the appliance answers itself, asked in order, and the music a held party hears.
 */
public record MediaServices(MediaEngine engine, InetAddress advertised, PromptLibrary prompts, Executor files,
                            Recorder.Limits limits, VoicemailApps voicemail,
                            List<ServiceNumbers> numbers, MusicOnHold music) {
    public MediaServices {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(advertised, "advertised");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(voicemail, "voicemail");
        numbers = List.copyOf(numbers);
        Objects.requireNonNull(music, "music");
    }
}
