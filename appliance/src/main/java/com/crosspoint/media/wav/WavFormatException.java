package com.crosspoint.media.wav;

import java.io.IOException;

/** The bytes are not a well-formed RIFF/WAVE file (missing or cut-short header or chunks). */
public class WavFormatException extends IOException {
    public WavFormatException(String message) {
        super(message);
    }
}
