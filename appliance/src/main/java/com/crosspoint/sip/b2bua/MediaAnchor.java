package com.crosspoint.sip.b2bua;

import com.crosspoint.config.AnchorPolicy;
import com.crosspoint.media.sdp.AudioTarget;
import com.crosspoint.media.sdp.RelayedSdp;
import com.crosspoint.call.MediaPath;
import com.crosspoint.call.PartyMedia;
import com.crosspoint.model.Binding;
import com.crosspoint.model.CallQualitySummary;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Whether and how one call's audio goes through the relay. Each phone of the call sits on one of the relay's two
 * sides; a session description a phone sends reaches the other phone pointed at that phone's side, so each phone
 * sends to the appliance and the relay latches to where the packets really come from (symmetric NAT included).
 * <p>
 * Which phone a description came from is known by its audio address, recorded when the phone sent it: the call
 * passes descriptions on as bytes, and between two phones they come from the other phone or from the appliance's
 * own media (music on hold, a menu), which is never relayed. A phone that is dialled takes the side opposite the
 * phone whose description it is offered, so a transfer target takes the side of the party it replaces.
 * Used on the call's lane only.
 */
final class MediaAnchor {
    private final MediaRelay relay;
    private final AnchorPolicy policy;
    private final String callId;
    private final Consumer<Runnable> lane;
    private final Runnable onMediaTimeout;
    private MediaRelay.Pair pair;
    private boolean refused;
    private final Map<Leg, Integer> sideOf = new IdentityHashMap<>();
    /** The phone that sent each audio address: how a description passed on as bytes is traced to its sender. */
    private final Map<InetSocketAddress, Leg> senders = new HashMap<>();
    /**
     * Descriptions heard before the call was relayed, read only once it is: a call that is never relayed (most are)
     * parses no description here, so anchoring costs nothing on its set-up.
     */
    private final List<Map.Entry<Leg, byte[]>> unread = new ArrayList<>();
    private final Leg[] onSide = new Leg[2];
    /** Whether each side's phone was last sent the other phone's audio (not the appliance's, not a hold). */
    private final boolean[] relaying = new boolean[2];

    MediaAnchor(MediaRelay relay, AnchorPolicy policy, String callId, Consumer<Runnable> lane,
                Runnable onMediaTimeout) {
        this.relay = relay;
        this.policy = policy;
        this.callId = callId;
        this.lane = lane;
        this.onMediaTimeout = onMediaTimeout;
    }

    /** The caller's leg, on side 0; its offer (already heard) decides whether the call starts relayed. */
    void caller(Leg leg, byte[] offer) {
        sideOf.put(leg, 0);
        onSide[0] = leg;
        heard(leg, offer);
        if (policy == AnchorPolicy.ALWAYS || policy == AnchorPolicy.NAT && offersFromBehindNat(leg, offer)) {
            open();
        }
    }

    private static boolean offersFromBehindNat(Leg leg, byte[] offer) {
        Optional<AudioTarget> target = AudioTarget.of(offer);
        return target.isPresent() && leg.mediaPeer(target.get().rtp()).behindNat();
    }

    /** A phone is about to be dialled: one registered from behind NAT makes the call relayed. */
    void dialling(Binding device) {
        if (policy == AnchorPolicy.ALWAYS || policy == AnchorPolicy.NAT && registeredBehindNat(device)) {
            open();
        }
    }

    /**
     * A trunk server (call router, gateway) is about to be dialled: relayed unless anchoring is off, so that the
     * carrier sees one media address (the appliance's; the phones' private ones never leave the network) and the
     * call has quality figures (MOS) for carrier routing.
     */
    void diallingOutside() {
        if (policy != AnchorPolicy.NEVER) {
            open();
        }
    }

    /** {@code leg}'s phone sent {@code sdp}: its audio address now stands for it. */
    void heard(Leg leg, byte[] sdp) {
        boolean described = sdp != null && sdp.length > 0; // not in a late offer (an INVITE without SDP)
        if (described && pair == null) {
            unread.add(Map.entry(leg, sdp));
        } else if (described) {
            record(leg, sdp);
        }
        Integer side = sideOf.get(leg);
        if (side != null) {
            onSide[side] = leg;
        }
    }

    /**
     * {@code sdp} as {@code leg}'s phone must receive it: pointed at its side of the relay when it is the other
     * phone's description and the call is relayed; unchanged otherwise (not relayed, the appliance's own media,
     * no audio).
     */
    byte[] toPhone(Leg leg, byte[] sdp) {
        if (pair == null) {
            return sdp;
        }
        Optional<AudioTarget> parsed = AudioTarget.of(sdp);
        if (parsed.isEmpty()) {
            return sdp;
        }
        AudioTarget target = parsed.get();
        Leg sender = senderOf(leg, target);
        if (sender == null || sender == leg) {
            sideFor(leg).ifPresent(s -> { // the appliance's own media (music on hold, a menu): not relayed
                pair.side(s).paused(true);
                relaying[s] = false;
            });
            return sdp;
        }
        int mine = seat(leg, sender);
        int theirs = 1 - mine;
        onSide[mine] = leg;
        onSide[theirs] = sender;
        MediaRelay.Side their = pair.side(theirs);
        their.expect(target, sender.mediaPeer(target.rtp()));
        their.paused(target.receivesNothing());
        relaying[theirs] = !target.receivesNothing();
        MediaRelay.Side own = pair.side(mine);
        own.paused(false);
        relaying[mine] = true;
        byte[] relayed = RelayedSdp.pointedAt(sdp, own.localRtp(), own.localRtcpPort());
        return relayed != null ? relayed : sdp;
    }

    /** How the audio {@code leg}'s phone sends reaches the relay; null when the call is not relayed. */
    CallQualitySummary quality(Leg leg) {
        Integer side = sideOf.get(leg);
        return pair == null || side == null || onSide[side] != leg ? null : pair.side(side).quality();
    }

    /**
     * How the call's audio travels, for the NAT doctor: {@code a} and {@code b} are the call's parties (b null while
     * none answered), {@code applianceAnswers} whether a voice application of the appliance is one of them.
     */
    MediaPath path(Leg a, Leg b, boolean applianceAnswers) {
        MediaPath.Route route = applianceAnswers ? MediaPath.Route.APPLIANCE
                : pair != null ? MediaPath.Route.RELAYED : MediaPath.Route.DIRECT;
        List<PartyMedia> phones = new ArrayList<>();
        for (Leg leg : new Leg[] {a, b}) {
            if (leg != null && leg.movable()) {
                phones.add(partyMedia(leg));
            }
        }
        return new MediaPath(route, phones);
    }

    private PartyMedia partyMedia(Leg leg) {
        InetSocketAddress sdp = AudioTarget.of(leg.lastSdp()).map(AudioTarget::rtp).orElse(null);
        Integer side = sideOf.get(leg);
        MediaRelay.Report seen = pair != null && side != null && onSide[side] == leg ? pair.side(side).report()
                : MediaRelay.Report.NONE;
        return new PartyMedia(leg.label(), leg.mediaPeer(sdp).behindNat(), leg.natEvidence(sdp), hostPort(sdp),
                hostPort(seen.heardFrom()), seen.latchCount(), seen.latches());
    }

    /** {@code host:port} ({@code [v6]:port}), or null. */
    static String hostPort(InetSocketAddress a) {
        if (a == null) {
            return null;
        }
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    boolean relayed() {
        return pair != null;
    }

    /** Whether the relay now carries audio both ways between the two phones (silence then means trouble). */
    boolean carriesMedia() {
        return pair != null && relaying[0] && relaying[1];
    }

    void close() {
        if (pair != null) {
            pair.close();
        }
    }

    private void open() {
        if (pair == null && !refused) {
            pair = relay.open(callId, () -> lane.accept(this::timedOut)).orElse(null);
            refused = pair == null; // no free ports: this call goes unrelayed, asked once
            if (pair != null) {
                unread.forEach(e -> record(e.getKey(), e.getValue()));
            }
            unread.clear();
        }
    }

    private void timedOut() {
        if (carriesMedia()) {
            onMediaTimeout.run();
        }
    }

    private void record(Leg leg, byte[] sdp) {
        AudioTarget.of(sdp).ifPresent(t -> {
            if (!t.rtp().getAddress().isAnyLocalAddress()) {
                senders.put(t.rtp(), leg);
            }
        });
    }

    /** The phone whose description {@code target} is: by its address, or for the hold address the other side's. */
    private Leg senderOf(Leg receiver, AudioTarget target) {
        if (!target.rtp().getAddress().isAnyLocalAddress()) {
            return senders.get(target.rtp());
        }
        Integer side = sideOf.get(receiver);
        return side == null ? null : onSide[1 - side];
    }

    /** The side {@code leg} sits on, given that it receives {@code sender}'s description: opposite the sender. */
    private int seat(Leg leg, Leg sender) {
        Integer theirs = sideOf.get(sender);
        Integer mine = sideOf.get(leg);
        if (theirs == null) {
            theirs = mine == null ? 1 : 1 - mine;
            sideOf.put(sender, theirs);
        }
        if (mine == null || Objects.equals(mine, theirs)) {
            mine = 1 - theirs; // a new party (or one that moved) takes the side opposite the one it hears
            sideOf.put(leg, mine);
        }
        return mine;
    }

    private Optional<Integer> sideFor(Leg leg) {
        return Optional.ofNullable(sideOf.get(leg));
    }

    /** Registered from behind NAT: its REGISTER came from another host than its Contact names. */
    static boolean registeredBehindNat(Binding device) {
        InetAddress source = PhoneAddresses.literal(hostOf(device.source()));
        InetAddress contact = PhoneAddresses.literal(contactHost(device.contact()));
        return source != null && contact != null && !source.equals(contact);
    }

    private static String hostOf(String hostPort) {
        if (hostPort == null) {
            return null;
        }
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            return end < 0 ? null : hostPort.substring(0, end + 1);
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    /** The host of a Contact URI ({@code sip:user@host:port;params}). */
    static String contactHost(String contact) {
        if (contact == null) {
            return null;
        }
        String rest = contact.replaceFirst("^<?sips?:", "");
        int at = rest.indexOf('@');
        rest = at < 0 ? rest : rest.substring(at + 1);
        int end = 0;
        if (rest.startsWith("[")) {
            end = rest.indexOf(']') + 1;
        } else {
            while (end < rest.length() && ":;>?".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
        }
        return end <= 0 ? null : rest.substring(0, end);
    }
}
