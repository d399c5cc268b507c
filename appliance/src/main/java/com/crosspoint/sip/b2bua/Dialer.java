package com.crosspoint.sip.b2bua;

import com.crosspoint.model.Binding;
import com.crosspoint.trunk.OutsideCall;
import com.crosspoint.trunk.TrunkTarget;
import java.util.Optional;

/** Places the outbound legs of one call: one INVITE to one registered phone. */
interface Dialer {

    /**
     * Sends an INVITE to {@code device} for {@code toExtension}, from {@code from}, offering {@code sdp} (none:
     * a late offer); its progress goes to {@code listener}. Empty when it could not be sent.
     */
    Optional<DialledLeg> dial(Binding device, Party from, String toExtension, byte[] sdp, RingListener listener);

    /**
     * Sends an INVITE for {@code outside} to the trunk server {@code server}, from {@code from} presenting the
     * call's caller ID, offering {@code sdp}; its progress goes to {@code listener}. Empty when it could not be sent.
     */
    Optional<DialledLeg> dialOutside(TrunkTarget server, OutsideCall outside, Party from, byte[] sdp,
                                     RingListener listener);

    /** Who a dialled phone is told is calling. */
    record Party(String extension, String displayName) {
    }
}
