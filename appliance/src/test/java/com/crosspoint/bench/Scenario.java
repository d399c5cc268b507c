package com.crosspoint.bench;

/** What one ladder measures. */
enum Scenario {
    /** REGISTER, 401, REGISTER with digest credentials, 200: one "call" per registration. */
    REGISTER("authenticated REGISTER/s"),
    /** INVITE, 407, INVITE with credentials, 100/180/200, ACK, hold, BYE, 200: the callee a SIPp UAS. */
    CALLS("call setups/s");

    private final String unit;

    Scenario(String unit) {
        this.unit = unit;
    }

    String unit() {
        return unit;
    }
}
