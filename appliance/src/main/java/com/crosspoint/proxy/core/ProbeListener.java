package com.crosspoint.proxy.core;

/** Hears how an OPTIONS probe of a next hop went; called on an I/O or timer thread, must not block. */
public interface ProbeListener {
    /** A final response came (any status: the hop is there and speaks SIP). */
    void answered(int status);

    /** No final response before Timer F. */
    void unanswered();
}
