package com.crosspoint.media.wav;

/**
 * A well-formed WAVE file in a format the media server does not play: prompts must be 8 kHz mono,
 * 16-bit PCM, µ-law or A-law. Carries what was found so an operator can re-encode the prompt.
 */
public final class UnsupportedWavFormatException extends WavFormatException {
    private final transient WavFormat found;

    public UnsupportedWavFormatException(WavFormat found, String problem) {
        super(problem + ": found " + found + "; prompts must be 8000 Hz mono (16-bit PCM, µ-law or A-law)");
        this.found = found;
    }

    /** The format the file declares. */
    public WavFormat found() {
        return found;
    }
}
