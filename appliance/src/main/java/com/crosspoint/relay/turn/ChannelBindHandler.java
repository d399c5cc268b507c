package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.AddressCodec;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.ChannelData;
import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ChannelBind, RFC 8656 s12.2: binds a channel number (0x4000-0x7FFF, see {@link ChannelData}) to a peer, or refreshes the binding; a channel
 * bound to another peer, or a peer bound to another channel, is 400. The binding also installs or refreshes the
 * permission for the peer's IP (s12.2: "the server MUST install or refresh a permission").
 */
final class ChannelBindHandler implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelBindHandler.class);
    private final TurnContext context;
    private final TurnAnswers answers;

    ChannelBindHandler(TurnContext context, TurnAnswers answers) {
        this.context = context;
        this.answers = answers;
    }

    @Override
    public void handle(StunMessage request, ClientLink link, AuthOutcome.Authenticated auth) {
        Optional<Allocation> found = Owned.allocation(context, answers, request, link, auth);
        if (found.isEmpty()) {
            return;
        }
        Allocation allocation = found.get();
        if (allocation.tcp()) {
            answers.error(link, request, ErrorCode.BAD_REQUEST, auth); // RFC 6062 s5.1: no channels on TCP relays
            return;
        }
        Optional<Long> number = request.uint32(AttributeType.CHANNEL_NUMBER);
        Optional<InetSocketAddress> peer = AddressCodec.read(request, AttributeType.XOR_PEER_ADDRESS);
        if (number.isEmpty() || !ChannelData.validChannel((int) (number.get() >>> 16))
                || !request.has(AttributeType.XOR_PEER_ADDRESS)) {
            LOG.debug("TURN: ChannelBind from {} without a valid CHANNEL-NUMBER ({}) or XOR-PEER-ADDRESS ({})",
                    link.fiveTuple().client(), number.map(Long::toHexString).orElse("none"), peer.orElse(null));
            answers.error(link, request, ErrorCode.BAD_REQUEST, auth);
            return;
        }
        Optional<ErrorCode> refusal = PeerChecks.refusal(context, allocation, peer);
        if (refusal.isPresent()) {
            answers.error(link, request, refusal.get(), auth);
            return;
        }
        int channel = (int) (number.get() >>> 16);
        long now = context.now();
        Optional<ChannelBinding> byChannel = Optional.ofNullable(allocation.channel(channel, now));
        Optional<ChannelBinding> byPeer = Optional.ofNullable(allocation.channelOf(peer.get(), now));
        if (byChannel.isPresent() && !byChannel.get().peer().equals(peer.get())
                || byPeer.isPresent() && byPeer.get().channel() != channel) {
            LOG.debug("TURN: ChannelBind {} to {} from {} conflicts with {} / {}", Integer.toHexString(channel), peer.get(),
                    link.fiveTuple().client(), byChannel.orElse(null), byPeer.orElse(null));
            answers.error(link, request, ErrorCode.BAD_REQUEST, auth);
            return;
        }
        allocation.bind(new ChannelBinding(channel, peer.get(), now + context.config().lifetimes().channel() * 1000L));
        long permissionUntil = now + context.config().lifetimes().permission() * 1000L;
        allocation.permit(peer.get().getAddress(), permissionUntil);
        answers.send(link, answers.success(request), auth);
    }
}
