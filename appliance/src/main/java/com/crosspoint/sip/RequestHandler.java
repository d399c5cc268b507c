package com.crosspoint.sip;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;

/**
 * Handles one SIP method. Called on a JAIN-SIP thread with the request's server transaction
 * already created (null only for ACK): implementations must not block, and hand real work to an
 * executor (a call's lane, the worker pool).
 */
public interface RequestHandler {
    void handle(RequestEvent event, ServerTransaction transaction);
}
