package com.crosspoint.relay.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One TURN allocation (RFC 8656 s2.2): the client's 5-tuple, the relayed transport address, its owner, its
 * permissions (per peer IP, s9) and channel bindings (s12), and when it expires.
 *
 * <p>Requests and client data arrive on the client's listening thread, peer data on the relay socket's thread: the
 * permissions are a concurrent map and the channel bindings copy-on-write, and each value is immutable, so either
 * side reads a consistent permission or binding without a lock. Only requests (one listening thread per 5-tuple)
 * and the sweep change them.
 */
public final class Allocation {
    private final FiveTuple fiveTuple;
    private final TurnUser owner;
    private final String username;
    private final ClientLink client;
    private final InetSocketAddress relayedAddress;
    private final boolean tcp;
    private volatile RelayEndpoint relay;
    private volatile long expiresAt;
    private final Map<InetAddress, Long> permissions = new ConcurrentHashMap<>();
    private final ChannelBindings channels = new ChannelBindings();
    private final AtomicLong toPeers = new AtomicLong();
    private final AtomicLong fromPeers = new AtomicLong();
    private volatile byte[] allocateTransaction;
    private volatile byte[] allocateAnswer;

    Allocation(FiveTuple fiveTuple, TurnUser owner, String username, ClientLink client,
               InetSocketAddress relayedAddress, boolean tcp, long expiresAt) {
        this.tcp = tcp;
        this.fiveTuple = fiveTuple;
        this.owner = owner;
        this.username = username;
        this.client = client;
        this.relayedAddress = relayedAddress;
        this.expiresAt = expiresAt;
    }

    public FiveTuple fiveTuple() {
        return fiveTuple;
    }

    public TurnUser owner() {
        return owner;
    }

    /** The USERNAME that created it; later requests must use the same (RFC 8656 s5: else 441). */
    public String username() {
        return username;
    }

    public ClientLink client() {
        return client;
    }

    /** The address peers send to: the relay port on the advertised (or external) address. */
    public InetSocketAddress relayedAddress() {
        return relayedAddress;
    }

    /** Whether the relay is TCP (RFC 6062: peers are reached by Connect and ConnectionBind, not by data here). */
    public boolean tcp() {
        return tcp;
    }

    void attach(RelayEndpoint endpoint) {
        this.relay = endpoint;
    }

    RelayEndpoint relay() {
        return relay;
    }

    public long expiresAt() {
        return expiresAt;
    }

    void expiresAt(long at) {
        this.expiresAt = at;
    }

    /** Installs or refreshes the permission for a peer IP (ports do not matter, s9). */
    void permit(InetAddress peer, long until) {
        permissions.put(peer, until);
    }

    public boolean permits(InetAddress peer, long now) {
        Long until = permissions.get(peer);
        return until != null && until > now;
    }

    /** The unexpired binding of channel {@code number}, or null (no Optional: this runs for every datagram). */
    ChannelBinding channel(int number, long now) {
        return unexpired(channels.byChannel(number), now);
    }

    /** The unexpired binding of {@code peer}, or null. */
    ChannelBinding channelOf(InetSocketAddress peer, long now) {
        return unexpired(channels.byPeer(peer), now);
    }

    private static ChannelBinding unexpired(ChannelBinding binding, long now) {
        return binding != null && binding.expiresAt() > now ? binding : null;
    }

    /** Binds or refreshes; an expired binding of the same channel number or peer goes. */
    void bind(ChannelBinding binding) {
        channels.bind(binding);
    }

    /** Drops permissions and channel bindings that expired. */
    void expireEntries(long now) {
        permissions.values().removeIf(until -> until <= now);
        channels.expire(now);
    }

    public int permissionCount() {
        return permissions.size();
    }

    public int channelCount() {
        return channels.size();
    }

    void countToPeer() {
        toPeers.incrementAndGet();
    }

    void countFromPeer() {
        fromPeers.incrementAndGet();
    }

    public long packetsToPeers() {
        return toPeers.get();
    }

    public long packetsFromPeers() {
        return fromPeers.get();
    }

    /** Remembers the Allocate that created it, so a retransmission gets the same answer (s7.2). */
    void rememberAllocate(byte[] transactionId, byte[] answer) {
        this.allocateTransaction = transactionId;
        this.allocateAnswer = answer;
    }

    Optional<byte[]> answerToRetransmitted(byte[] transactionId) {
        byte[] t = allocateTransaction;
        return t != null && java.util.Arrays.equals(t, transactionId) ? Optional.of(allocateAnswer) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Allocation[" + fiveTuple.client() + " " + fiveTuple.transport() + " -> " + relayedAddress + ", "
                + owner.account() + "]";
    }
}
