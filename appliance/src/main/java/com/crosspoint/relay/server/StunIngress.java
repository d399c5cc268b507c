package com.crosspoint.relay.server;

import com.crosspoint.relay.stun.BindingResponder;
import com.crosspoint.relay.stun.ChannelData;
import com.crosspoint.relay.stun.DecodeResult;
import com.crosspoint.relay.stun.Integrity;
import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.relay.stun.StunDecoder;
import com.crosspoint.relay.stun.StunMessage;
import com.crosspoint.relay.stun.StunMethod;
import com.crosspoint.relay.turn.ClientLink;
import com.crosspoint.relay.turn.TurnService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every datagram or stream frame from a client goes first: RFC 7983 demultiplexing on the first byte (0-3
 * STUN, 64-127 ChannelData, anything else dropped), decoding, the FINGERPRINT check, the per-source request limit,
 * then Binding to the {@link BindingResponder} and the rest to the {@link TurnService}.
 */
final class StunIngress {
    private static final Logger LOG = LoggerFactory.getLogger(StunIngress.class);

    /** Sends a Binding answer from the socket its origin names (RFC 5780 CHANGE-REQUEST), else from {@code link}. */
    interface OriginSender {
        void send(byte[] answer, BindingResponder.Origin origin, ClientLink link);
    }

    private final BindingResponder binding;
    private final TurnService turn;
    private final SourceRateLimit limit;
    private final RelayCounters counters;

    StunIngress(BindingResponder binding, TurnService turn, SourceRateLimit limit, RelayCounters counters) {
        this.binding = binding;
        this.turn = turn;
        this.limit = limit;
        this.counters = counters;
    }

    void onClientBytes(byte[] data, int offset, int length, ClientLink link, BindingResponder.Sockets sockets,
                       OriginSender origins) {
        if (length == 0) {
            counters.notStun.increment();
            return;
        }
        if (ChannelData.isChannelDataFirstByte(data[offset])) {
            turn.onChannelData(data, offset, length, link.fiveTuple());
            return;
        }
        if (!StunDecoder.isStunFirstByte(data[offset])) {
            counters.notStun.increment();
            return;
        }
        DecodeResult result = StunDecoder.decode(data, offset, length);
        if (result instanceof DecodeResult.Malformed bad) {
            counters.malformed.increment();
            LOG.debug("STUN from {}: {}", link.fiveTuple().client(), bad.reason());
            return;
        }
        StunMessage message = ((DecodeResult.Decoded) result).message();
        if (!Integrity.fingerprintValid(message)) {
            counters.badFingerprint.increment(); // RFC 8489 s7.3: not a STUN message after all
            return;
        }
        if (message.stunClass() == StunClass.REQUEST
                && !limit.allows(link.fiveTuple().client().getAddress())) {
            return;
        }
        if (message.method() == StunMethod.BINDING) {
            if (message.stunClass() == StunClass.REQUEST) {
                BindingResponder.Answer answer = binding.answer(message, link.fiveTuple().client(), sockets);
                counters.bindings.increment();
                origins.send(answer.bytes(), answer.origin(), link);
            }
            return; // Binding indications are keepalives: nothing to answer
        }
        turn.onStun(message, link);
    }
}
