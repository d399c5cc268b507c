package com.crosspoint.proxy.wire;

/** Request methods the proxy treats specially; every other method, known or not, is {@link #OTHER}. */
public enum Method {
    INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, SUBSCRIBE, NOTIFY, REFER, OTHER;

    private static final Method[] VALUES = values();

    /** Method names are case-sensitive (RFC 3261 §7.1). */
    public static Method identify(byte[] b, int start, int end) {
        for (int i = 0; i < VALUES.length - 1; i++) {
            if (Ascii.regionEquals(b, start, end, VALUES[i].name())) {
                return VALUES[i];
            }
        }
        return OTHER;
    }

    /** Methods whose initial request creates a dialog, so the proxy record-routes them. */
    public boolean createsDialog() {
        return this == INVITE || this == SUBSCRIBE || this == REFER;
    }
}
