package com.crosspoint.sip.b2bua;

import com.crosspoint.call.SdpSummary;
import java.util.Optional;
import javax.sip.message.Response;

/**
 * The offers the two parties of a connected call make each other (re-INVITE: hold, resume, a new address or
 * codec): one at a time, the other party answering each its own way, glare answered 491 (RFC 3261 §14.2). A hold
 * between two phones puts the held one on music instead ({@link HoldMusic}), when the appliance has media. Keeps
 * whether the call is held, for the live views. Used on the call's lane only.
 */
final class MidCallOffers {
    private final B2buaCall call;
    private final Optional<AnchoredMedia> media;
    private final Runnable changed;
    private boolean pending;
    private boolean held;
    private HoldMusic music;

    /** @param changed runs when the call's hold state changed */
    MidCallOffers(B2buaCall call, Optional<AnchoredMedia> media, Runnable changed) {
        this.call = call;
        this.media = media;
        this.changed = changed;
    }

    boolean held() {
        return held;
    }

    /** Whether an offer is outstanding: another one, or a transfer, would cross it. */
    boolean pending() {
        return pending || music != null && music.pending();
    }

    /**
     * {@code from} offers {@code to} a new description. {@code mayHoldWithMusic} is false while a transfer moves
     * the parties: the hold is then only relayed.
     */
    void offer(Leg from, Leg to, InDialogRequest reinvite, boolean mayHoldWithMusic) {
        if (music != null) {
            music.onReinvite(from, reinvite); // on hold with music: the appliance holds both phones' media
            return;
        }
        if (pending) {
            reinvite.reply(Response.REQUEST_PENDING); // glare: the phone retries
            return;
        }
        byte[] offer = reinvite.body();
        boolean hold = SdpSummary.of(offer).hold();
        if (hold && mayHoldWithMusic && from.movable() && to.movable() && startMusic(from, to, reinvite)) {
            return;
        }
        pending = true;
        to.offer(offer, (status, answer) -> {
            pending = false;
            if (OfferListener.accepted(status)) {
                reinvite.replyWithSdp(status, answer);
                show(hold);
            } else {
                reinvite.reply(status);
            }
        });
    }

    /** {@code from} holds {@code to}: music to {@code to} instead of relaying. */
    private boolean startMusic(Leg from, Leg to, InDialogRequest reinvite) {
        if (media.isEmpty()) {
            return false;
        }
        HoldMusic[] self = new HoldMusic[1];
        Optional<HoldMusic> started = HoldMusic.start(call, media.get(), from, to, reinvite, phase -> {
            if (music != self[0]) {
                return;
            }
            if (phase != HoldMusic.Phase.HELD) {
                music = null;
            }
            if (phase != HoldMusic.Phase.FAILED) {
                show(phase == HoldMusic.Phase.HELD);
            }
        });
        // a re-INVITE that could not even be sent has failed the music (and answered the hold) already
        self[0] = started.filter(HoldMusic::open).orElse(null);
        music = self[0];
        return started.isPresent();
    }

    private void show(boolean nowHeld) {
        held = nowHeld;
        changed.run();
    }

    /** The parties changed (a transfer) or the call ended: any music stops; nobody is held any more. */
    void reset() {
        if (music != null) {
            music.close();
            music = null;
        }
        held = false;
    }
}
