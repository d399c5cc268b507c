package com.crosspoint.sip.b2bua;

import com.crosspoint.call.SdpSummary;
import com.crosspoint.media.engine.MediaUnavailableException;
import com.crosspoint.media.engine.SessionListener;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.Negotiation;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Music on hold between two phones. While a party holds, both phones' media points at the appliance instead of
 * at each other: the held party gets a session of ours that loops the music (we re-INVITE it with our own offer),
 * the holder gets a session of ours that answers its hold offer ({@code recvonly} or {@code inactive}, RFC 3264
 * §6.1) and ignores what it sends. Two sessions, not one, so that the holder's RTP can never re-latch the music
 * stream towards itself.
 *
 * <p>The held party is offered {@code sendrecv}, not {@code sendonly}: what it sends is ignored, but it keeps
 * sending, so a phone behind NAT is latched (symmetric RTP) and phones that rebuild their receive path when a
 * stream stops being sendrecv (baresip 1.0 drops its decode filters, its recorder among them) keep working.
 *
 * <p>Re-INVITEs from either party go through here while it lasts: another hold answers from the party's own
 * session (when both hold, nobody hears music; when the first holder resumes while the other still holds, the
 * music goes to the one who resumed). When nobody holds any more, the resuming party's offer is relayed to the
 * other as before, the answer relayed back, and the sessions are closed: the phones talk directly again.
 * Touched only on the call's lane.
 */
final class HoldMusic {
    private static final Logger LOG = LoggerFactory.getLogger(HoldMusic.class);

    /** What changed, for the call to show. */
    enum Phase {
        /** The hold is established (music playing or both holding): the call is HELD. */
        HELD,
        /** Nobody holds any more and the phones talk directly again: the call is ANSWERED; this is closed. */
        RESUMED,
        /** Starting the music failed (the held phone refused); the hold was refused too; this is closed. */
        FAILED
    }

    /** How the music is offered to a held party (see the class comment for why not sendonly). */
    static final Direction TO_THE_HELD = Direction.SENDRECV;

    private final B2buaCall call;
    private final Consumer<Phase> report;
    private End holder;
    private End held;
    private boolean pending;
    private boolean closed;

    /** The appliance's side towards one phone. */
    private static final class End {
        final Leg leg;
        final AnchoredSession session;
        boolean holds;
        End other;

        End(Leg leg, AnchoredSession session) {
            this.leg = leg;
            this.session = session;
        }
    }

    private HoldMusic(B2buaCall call, Consumer<Phase> report) {
        this.call = call;
        this.report = report;
    }

    /**
     * {@code from} sent the hold re-INVITE {@code reinvite}: plays music to {@code to}. Empty when the appliance
     * cannot take the media (no free ports, an offer it cannot answer): the call relays the re-INVITE as without
     * media. Otherwise {@code reinvite} is answered once {@code to} has answered our offer; {@code report} hears
     * the outcome.
     */
    static Optional<HoldMusic> start(B2buaCall call, AnchoredMedia media, Leg from, Leg to, InDialogRequest reinvite,
                                     Consumer<Phase> report) {
        HoldMusic music = new HoldMusic(call, report);
        try {
            music.holder = music.open(media, from);
            music.held = music.open(media, to);
        } catch (MediaUnavailableException e) {
            LOG.warn("call {}: no media for music on hold, relaying the hold: {}", call.id(), e.getMessage());
            music.closeSessions();
            return Optional.empty();
        }
        music.holder.other = music.held;
        music.held.other = music.holder;
        Negotiation n = music.holder.session.answer(reinvite.body(), Direction.RECVONLY);
        if (!(n instanceof Negotiation.Agreed agreed)) {
            LOG.info("call {}: hold offer not for us ({}), relaying it", call.id(),
                    ((Negotiation.NotAcceptable) n).reason());
            music.closeSessions();
            return Optional.empty();
        }
        music.offerMusic(reinvite, agreed);
        return Optional.of(music);
    }

    private End open(AnchoredMedia media, Leg leg) throws MediaUnavailableException {
        AnchoredSession session = media.open(call.id() + "/moh-" + leg.label(), SessionListener.NONE, leg);
        // our music goes wherever the negotiated direction allows: to the held party, never to a holder
        session.media().play(media.music());
        return new End(leg, session);
    }

    /** Re-INVITEs the held party with our music offer; answers the holder when it has answered. */
    private void offerMusic(InDialogRequest reinvite, Negotiation.Agreed holderAnswer) {
        End x = holder;
        End y = held;
        offer(y, y.session.offer(TO_THE_HELD), reinvite, (status, sdp) -> {
            if (status == Response.REQUEST_TIMEOUT) {
                LOG.info("call {}: {} did not answer the music-on-hold re-INVITE", call.id(), y.leg.label());
                fail(reinvite, status);
                return;
            }
            if (!OfferListener.accepted(status)) {
                LOG.info("call {}: {} refused music on hold: {}", call.id(), y.leg.label(), status);
                fail(reinvite, status);
                return;
            }
            Negotiation n = y.session.acceptAnswer(sdp);
            if (n instanceof Negotiation.NotAcceptable na) {
                LOG.info("call {}: {} answered music on hold unusably: {}", call.id(), y.leg.label(), na.reason());
                fail(reinvite, Response.NOT_ACCEPTABLE_HERE);
                return;
            }
            x.holds = true;
            reinvite.replyWithSdp(Response.OK, AnchoredSession.bytes(holderAnswer.description()));
            LOG.debug("call {}: {} holds, music to {}", call.id(), x.leg.label(), y.leg.label());
            report.accept(Phase.HELD);
        });
    }

    /**
     * Makes {@code to}'s phone an offer of ours (the only one outstanding: {@link #pending}). If the music was
     * closed meanwhile (call end, transfer), the request {@code cause} that led to it gets a 481; else
     * {@code onFinal} hears the phone's answer.
     */
    private void offer(End to, byte[] sdp, InDialogRequest cause, OfferListener onFinal) {
        pending = true;
        to.leg.offer(sdp, (status, answer) -> {
            pending = false;
            if (closed) {
                cause.reply(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
            onFinal.answered(status, answer);
        });
    }

    private void fail(InDialogRequest reinvite, int status) {
        reinvite.reply(status);
        close();
        report.accept(Phase.FAILED);
    }

    /** A re-INVITE from either party while the music lasts. */
    void onReinvite(Leg from, InDialogRequest reinvite) {
        if (pending) {
            reinvite.reply(Response.REQUEST_PENDING); // glare, as for relayed re-INVITEs (RFC 3261 §14.2)
            return;
        }
        End p = from == holder.leg ? holder : held;
        End q = p.other;
        byte[] body = reinvite.body();
        boolean holds = SdpSummary.of(body).hold();
        Optional<Direction> wish = answering(holds, q.holds);
        if (wish.isEmpty()) {
            resume(p, q, reinvite);
            return;
        }
        Negotiation n = p.session.answer(body, wish.get());
        if (n instanceof Negotiation.NotAcceptable na) {
            LOG.info("call {}: re-INVITE during hold refused: {}", call.id(), na.reason());
            reinvite.reply(Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        p.holds = holds;
        reinvite.replyWithSdp(Response.OK, AnchoredSession.bytes(((Negotiation.Agreed) n).description()));
        report.accept(Phase.HELD);
    }

    /**
     * How the appliance answers a re-INVITE while the music lasts: as what it wishes to do towards the phone that
     * sent it, or empty when nobody holds any more and the offer goes to the other phone instead. A phone that
     * holds (too) hears nothing; one that listens while the other holds hears the music.
     *
     * @param holds      the re-INVITE's offer holds
     * @param otherHolds the other phone holds
     */
    static Optional<Direction> answering(boolean holds, boolean otherHolds) {
        if (holds) {
            return Optional.of(Direction.RECVONLY);
        }
        return otherHolds ? Optional.of(TO_THE_HELD) : Optional.empty();
    }

    /** Nobody holds any more: relay p's offer to q, q's answer back, and leave the media to the phones again. */
    private void resume(End p, End q, InDialogRequest reinvite) {
        offer(q, reinvite.body(), reinvite, (status, answer) -> {
            if (!OfferListener.accepted(status)) {
                // the held party stays on music; the resuming phone may try again
                reinvite.reply(status);
                return;
            }
            reinvite.replyWithSdp(status, answer);
            close();
            LOG.debug("call {}: {} resumed, music stopped", call.id(), p.leg.label());
            report.accept(Phase.RESUMED);
        });
    }

    /** Whether the music still holds the phones' media (false once resumed, failed or closed). */
    boolean open() {
        return !closed;
    }

    /** Whether a re-INVITE of ours is outstanding (another one would cross it). */
    boolean pending() {
        return pending;
    }

    /** Stops the music and releases both sessions' ports; idempotent (call end, transfer, resume). */
    void close() {
        closed = true;
        closeSessions();
    }

    private void closeSessions() {
        for (End e : new End[] {holder, held}) {
            if (e != null) {
                e.session.close();
            }
        }
    }
}
