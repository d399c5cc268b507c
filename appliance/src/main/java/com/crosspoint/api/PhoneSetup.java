package com.crosspoint.api;

import java.util.function.IntSupplier;

/** Where phones register: the advertised address and the SIP port (known only once SIP listens, so asked late). */
record PhoneSetup(String host, IntSupplier sipPort) {

    int port() {
        return sipPort.getAsInt();
    }
}
