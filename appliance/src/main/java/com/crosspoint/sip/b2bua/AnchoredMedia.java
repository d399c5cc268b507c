package com.crosspoint.sip.b2bua;

import com.crosspoint.media.engine.AudioSource;
import com.crosspoint.media.engine.MediaUnavailableException;
import com.crosspoint.media.engine.SessionListener;

/** What anchoring a party's media in the appliance needs: a session with its negotiator, and the hold music. */
interface AnchoredMedia {

    /**
     * Opens a media session named {@code label} facing {@code phone}, whose signalling decides where the session
     * takes RTP from ({@link Leg#mediaPeer}); throws when no RTP ports are free.
     */
    AnchoredSession open(String label, SessionListener listener, Leg phone) throws MediaUnavailableException;

    /** A new player of the music on hold. */
    AudioSource music();
}
