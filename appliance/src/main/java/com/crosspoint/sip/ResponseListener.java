package com.crosspoint.sip;

import javax.sip.ResponseEvent;

/**
 * What a client transaction we started wants to hear; attached as the transaction's application
 * data. Called on a JAIN-SIP thread: implementations hand the work to their lane.
 */
public interface ResponseListener {
    void onResponse(ResponseEvent event);

    /** No final response came (Timer B/F). */
    void onTimeout();
}
