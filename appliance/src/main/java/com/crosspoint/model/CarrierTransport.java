package com.crosspoint.model;

/** How SIP reaches a carrier. */
public enum CarrierTransport { UDP, TCP, TLS }
