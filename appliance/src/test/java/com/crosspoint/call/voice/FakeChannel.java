package com.crosspoint.call.voice;

import com.crosspoint.media.engine.AudioSink;
import com.crosspoint.media.engine.AudioSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link CallChannel} for unit tests of voice applications: remembers what the application asked for. */
public final class FakeChannel implements CallChannel {
    public final List<List<String>> played = new ArrayList<>();
    public final List<Boolean> bargeIn = new ArrayList<>();
    public Path recordingTo;
    public Boolean recordingStopsOnSilence;
    public boolean stopRequested;
    public boolean hungUp;
    /** The running timer's duration, or null when none runs. */
    public Duration timer;
    public AudioSource audioOut;
    public AudioSink audioIn;
    /** The extension the application handed the caller to, or null. */
    public String transferredTo;
    /** The application the call was handed to, or null. */
    public CallApplication switchedTo;
    /** The agents of the last offer and how long they ring. */
    public List<String> offeredTo;
    public Duration offerRingsFor;
    /** Tasks handed to the lane, run at once unless the test holds them. */
    public final List<Runnable> laneTasks = new ArrayList<>();
    public boolean holdLane;

    @Override
    public void play(List<Audio> items, boolean bargeIn) {
        played.add(items.stream().map(a -> a.prompt() != null ? a.prompt() : "file:" + a.file()).toList());
        this.bargeIn.add(bargeIn);
    }

    @Override
    public void record(Path target, boolean stopOnSilence) {
        recordingTo = target;
        recordingStopsOnSilence = stopOnSilence;
    }

    @Override
    public void stopRecording() {
        stopRequested = true;
    }

    @Override
    public void hangUp() {
        hungUp = true;
    }

    @Override
    public void startTimer(Duration after) {
        timer = after;
    }

    @Override
    public void cancelTimer() {
        timer = null;
    }

    @Override
    public void connectAudio(AudioSource out, AudioSink in) {
        audioOut = out;
        audioIn = in;
    }

    @Override
    public void transferTo(String extension) {
        transferredTo = extension;
    }

    @Override
    public void offerTo(List<String> extensions, Duration ringFor) {
        offeredTo = List.copyOf(extensions);
        offerRingsFor = ringFor;
    }

    @Override
    public void onLane(Runnable task) {
        if (holdLane) {
            laneTasks.add(task);
        } else if (!hungUp) {
            task.run();
        }
    }

    @Override
    public String callId() {
        return "fake-call";
    }

    @Override
    public void switchTo(CallApplication next) {
        switchedTo = next;
    }

    /** The prompts or files of the last {@link #play}. */
    public List<String> last() {
        return played.get(played.size() - 1);
    }
}
