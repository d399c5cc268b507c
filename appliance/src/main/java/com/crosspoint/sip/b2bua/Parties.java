package com.crosspoint.sip.b2bua;

import com.crosspoint.model.User;

/**
 * The two parties of a connected call, A and B, and the user on each leg (null for the appliance's own). A starts
 * as the caller; after a transfer it is whoever stayed. Used on the call's lane only.
 */
final class Parties {
    private final User caller;
    private Leg a;
    private Leg b;
    private User userA;
    private User userB;

    /** @param caller the user who placed the call */
    Parties(User caller) {
        this.caller = caller;
    }

    void connect(Leg a, User userA, Leg b, User userB) {
        this.a = a;
        this.userA = userA;
        this.b = b;
        this.userB = userB;
    }

    boolean connected() {
        return a != null;
    }

    Leg a() {
        return a;
    }

    Leg b() {
        return b;
    }

    /** The party on the other side of {@code leg}, or null when {@code leg} is no party (any more). */
    Leg other(Leg leg) {
        return leg == null ? null : leg == a ? b : leg == b ? a : null;
    }

    /** The user on {@code leg}'s side, null for the appliance or a leg that is no party. */
    User userOf(Leg leg) {
        return leg == null ? null : leg == a ? userA : leg == b ? userB : null;
    }

    /** The user on {@code leg}'s side; the caller when it is none of the tenant's users. */
    User userOn(Leg leg) {
        User user = userOf(leg);
        return user == null ? caller : user;
    }

    /** The extension of the person on party B, who took the call in the end; null when it is the appliance. */
    String answeredBy() {
        return userB == null ? null : userB.extension();
    }

    /** {@code stays} now talks with {@code joined} (answered for {@code joinedUser}) and becomes party A. */
    void replaceOtherOf(Leg stays, Leg joined, User joinedUser) {
        User staysUser = userOf(stays);
        a = stays;
        userA = staysUser;
        b = joined;
        userB = joinedUser;
    }

    /** Who the caller is connected to, as live views show it: B, or "A/B" once the caller left by a transfer. */
    String connectedTo(Leg caller) {
        if (b == null) {
            return null;
        }
        return a == caller ? b.label() : a.label() + "/" + b.label();
    }
}
