package com.crosspoint.sip.b2bua;

import static com.crosspoint.sip.b2bua.FakeLeg.sdp;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.call.CallState;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.User;
import java.time.Duration;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Call behaviour without phones: a real call, its hunt, transfers and routing, with {@link FakeLeg}s for every
 * party and a lane and clock the test drives. The paths real phones cannot be made to take (glare, refusals,
 * CANCEL crossing a 200, targets that are busy or gone, timeouts) are pinned here; the ITs cover the same calls
 * with baresip.
 */
class CallBehaviourTest {
    private static final byte[] ALICE = sdp("alice", 4000);
    private static final byte[] BOB = sdp("bob", 5000);
    private static final byte[] CAROL = sdp("carol", 6000);

    private FakeEnvironment env;
    private User alice;

    @BeforeEach
    void tenant() {
        tenant(true);
    }

    /** Alice (1001, one phone), Bob (1002, two phones) and Carol (1003, one phone), with or without voicemail. */
    private void tenant(boolean voicemail) {
        env = new FakeEnvironment(voicemail);
        alice = env.user("1001", 1);
        env.user("1002", 2);
        env.user("1003", 1);
    }

    /** Alice calls Bob (1002) and his first phone answers. */
    private FakeEnvironment.Started connected() {
        FakeEnvironment.Started call = env.call(alice, "1002", ALICE);
        env.dialled("1002-1").pickUp(BOB);
        env.runLane();
        call.caller().clearLog();
        env.dialled("1002-1").clearLog();
        return call;
    }

    @Nested
    class Ringing {
        @Test
        void everyPhoneRingsWithTheCallersOfferAndTheFirstToAnswerWins() {
            FakeEnvironment.Started call = env.call(alice, "1002", ALICE);
            assertThat(env.dialled()).extracting(FakeLeg::toString).containsExactly("1002-1", "1002-2");
            env.dialled("1002-2").ring();
            env.dialled("1002-2").pickUp(BOB);
            env.runLane();

            assertThat(call.caller().log()).containsExactly("ringing 180", "answered with bob");
            assertThat(env.dialled("1002-1").log()).containsExactly("cancelled");
            assertThat(env.lastShown()).isEqualTo(CallState.ANSWERED);
        }

        @Test
        void theRecordNamesWhoAnsweredAfterForwarding() {
            env.user("1002", new CallSettings(null, null, "1003", 15, false), 1);
            FakeEnvironment.Started call = env.call(alice, "1002", ALICE);
            env.advance(Duration.ofSeconds(15));
            env.dialled("1003-1").pickUp(CAROL);
            env.runLane();
            call.call().onBye(call.caller(), call.caller().request(Request.BYE, null));

            assertThat(env.records).singleElement().satisfies(r -> {
                assertThat(r.callee()).isEqualTo("1002");
                assertThat(r.answeredBy()).isEqualTo("1003");
            });
        }

        @Test
        void aSecondAnswerThatCrossedTheCancelIsHungUp() {
            FakeEnvironment.Started call = env.call(alice, "1002", ALICE);
            env.dialled("1002-1").pickUp(BOB);
            env.dialled("1002-2").pickUp(CAROL); // its 200 was on the way when we cancelled it
            env.runLane();

            assertThat(env.dialled("1002-2").log()).containsExactly("cancelled", "bye");
            assertThat(call.caller().log()).containsExactly("answered with bob");
        }

        @Test
        void aCancelCrossingThe200OfAPhoneHangsThatPhoneUp() {
            FakeEnvironment.Started call = env.call(alice, "1002", ALICE);
            env.dialled("1002-1").ring();
            call.call().onCancel();
            env.dialled("1002-1").pickUp(BOB); // answered while our CANCEL was on its way
            env.runLane();

            assertThat(call.caller().log()).containsExactly("ringing 180", "rejected 487");
            assertThat(env.dialled("1002-1").log()).containsExactly("cancelled", "bye");
            assertThat(env.dialled("1002-2").log()).containsExactly("cancelled");
            assertThat(env.records).singleElement().satisfies(r -> {
                assertThat(r.disposition()).isEqualTo(Disposition.CANCELLED);
                assertThat(r.hungUpBy()).isEqualTo(HangupParty.CALLER);
            });
        }

        @Test
        void aCancelAfterTheCallerWasAnsweredChangesNothing() {
            FakeEnvironment.Started call = connected();
            call.call().onCancel();
            env.runLane();

            assertThat(call.caller().log()).isEmpty();
            assertThat(env.records).isEmpty();
            assertThat(env.lastShown()).isEqualTo(CallState.ANSWERED);
        }

        @Test
        void everyPhoneBusyIsBusyAndGoesToTheMailboxWithTheBusyReason() {
            FakeEnvironment.Started call = env.call(alice, "1002", ALICE);
            env.dialled("1002-1").refuse(Response.BUSY_HERE);
            env.dialled("1002-2").refuse(Response.BUSY_HERE);
            env.runLane();

            assertThat(env.answering()).singleElement().satisfies(app -> assertThat(app.log())
                    .containsExactly("negotiated", "started mailbox 1002"));
            assertThat(call.caller().log()).containsExactly("answered with appliance");
        }

        @Test
        void noAnswerInTheRingTimeForwardsAsTheUserSaid() {
            env.user("1002", new CallSettings(null, null, "1003", 15, false), 1);
            FakeEnvironment.Started call = env.call(alice, "1002", ALICE);
            env.advance(Duration.ofSeconds(14));
            assertThat(env.dialled()).hasSize(1);
            env.advance(Duration.ofSeconds(1));

            assertThat(env.dialled("1002-1").log()).containsExactly("cancelled");
            assertThat(env.dialled()).extracting(FakeLeg::toString).containsExactly("1002-1", "1003-1");
            env.dialled("1003-1").pickUp(CAROL);
            env.runLane();
            assertThat(call.caller().log()).containsExactly("answered with carol");
        }

        @Test
        void aUserWithNoPhoneRegisteredGoesToTheMailbox() {
            env.user("1004", 0);
            FakeEnvironment.Started call = env.call(alice, "1004", ALICE);

            // the fake dial plan has voicemail: the unreachable user's mailbox answers
            assertThat(call.caller().log()).containsExactly("answered with appliance");
            assertThat(env.answering()).singleElement()
                    .satisfies(app -> assertThat(app.label()).isEqualTo("mailbox 1004"));
        }

        @Test
        void aForwardingLoopIsRefusedAndRecordedAsFailed() {
            env.user("1005", new CallSettings(null, null, "1006", 20, false), 1);
            env.user("1006", new CallSettings(null, null, "1005", 20, false), 1);
            FakeEnvironment.Started call = env.call(alice, "1005", ALICE);
            env.advance(Duration.ofSeconds(20));
            env.advance(Duration.ofSeconds(20));

            assertThat(call.caller().log()).containsExactly("rejected 482");
            assertThat(env.records).singleElement()
                    .satisfies(r -> assertThat(r.disposition()).isEqualTo(Disposition.FAILED));
        }

        @Test
        void theOperatorHangingUpARingingCallCancelsEveryPhone() {
            FakeEnvironment.Started call = env.call(alice, "1002", ALICE);
            call.call().hangUp();
            env.runLane();

            assertThat(call.caller().log()).containsExactly("rejected 480");
            assertThat(env.dialled()).allSatisfy(l -> assertThat(l.log()).containsExactly("cancelled"));
            assertThat(env.forgotten()).isTrue();
            // no no-answer timer left to fire on an ended call
            env.advance(Duration.ofMinutes(5));
            assertThat(env.records).hasSize(1);
        }
    }

    @Nested
    class InDialog {
        @Test
        void aReinviteIsOfferedToTheOtherPhoneAndItsAnswerRelayed() {
            FakeEnvironment.Started call = connected();
            FakeLeg bob = env.dialled("1002-1");
            InDialogRequest hold = call.caller().request(Request.INVITE, sdp("alice", 4000, "sendonly"));
            call.call().onReinvite(call.caller(), hold);
            bob.answerOffer(Response.OK, sdp("bob", 5000, "recvonly"));

            assertThat(bob.log()).containsExactly("offered alice (hold)");
            assertThat(call.caller().log()).containsExactly("replied INVITE 200 with bob");
            assertThat(env.lastShown()).isEqualTo(CallState.HELD);
        }

        @Test
        void aRefusedHoldIsRefusedToTheHolderAndTheCallStaysAnswered() {
            FakeEnvironment.Started call = connected();
            FakeLeg bob = env.dialled("1002-1");
            call.call().onReinvite(call.caller(), call.caller().request(Request.INVITE, sdp("alice", 4000, "sendonly")));
            bob.answerOffer(Response.NOT_ACCEPTABLE_HERE, null);

            assertThat(call.caller().log()).containsExactly("replied INVITE 488");
            assertThat(env.lastShown()).isEqualTo(CallState.ANSWERED);
            // and the call goes on: the next re-INVITE is relayed as usual
            call.call().onReinvite(call.caller(), call.caller().request(Request.INVITE, ALICE));
            assertThat(bob.openOffers()).isEqualTo(1);
        }

        @Test
        void glareOnReinviteAnswers491ToTheSecondAndRelaysTheOthersAnswer() {
            FakeEnvironment.Started call = connected();
            FakeLeg bob = env.dialled("1002-1");
            call.call().onReinvite(call.caller(), call.caller().request(Request.INVITE, sdp("alice", 4002)));
            InDialogRequest bobs = bob.request(Request.INVITE, sdp("bob", 5002));
            call.call().onReinvite(bob, bobs);
            assertThat(bob.log()).containsExactly("offered alice", "replied INVITE 491");

            bob.answerOffer(Response.REQUEST_PENDING, null); // bob's phone saw the glare too
            assertThat(call.caller().log()).containsExactly("replied INVITE 491");
            // both retry later: nothing is left pending
            call.call().onReinvite(bob, bob.request(Request.INVITE, sdp("bob", 5002)));
            assertThat(call.caller().log()).endsWith("offered bob");
        }

        @Test
        void aReinviteThatTimesOutIsAnswered408() {
            FakeEnvironment.Started call = connected();
            call.call().onReinvite(call.caller(), call.caller().request(Request.INVITE, ALICE));
            env.dialled("1002-1").answerOffer(Response.REQUEST_TIMEOUT, null);

            assertThat(call.caller().log()).containsExactly("replied INVITE 408");
        }

        @Test
        void infoIsRelayedAndAnsweredWithWhatTheOtherSideSays() {
            FakeEnvironment.Started call = connected();
            call.call().onRelay(call.caller(), call.caller().request(Request.INFO, null));

            assertThat(env.dialled("1002-1").log()).containsExactly("relayed INFO");
            assertThat(call.caller().log()).containsExactly("replied INFO 200");
        }

        @Test
        void byeFromOnePartyHangsUpTheOtherAndRecordsWhoHungUp() {
            FakeEnvironment.Started call = connected();
            call.call().onBye(env.dialled("1002-1"), env.dialled("1002-1").request(Request.BYE, null));

            assertThat(call.caller().log()).containsExactly("bye");
            assertThat(env.records).singleElement().satisfies(r -> {
                assertThat(r.disposition()).isEqualTo(Disposition.ANSWERED);
                assertThat(r.hungUpBy()).isEqualTo(HangupParty.CALLEE);
            });
            assertThat(env.lastShown()).isEqualTo(CallState.ENDED);
        }

        @Test
        void aRequestAfterTheEndIsAnswered481() {
            FakeEnvironment.Started call = connected();
            FakeLeg bob = env.dialled("1002-1");
            call.call().onBye(call.caller(), call.caller().request(Request.BYE, null));
            call.call().onReinvite(bob, bob.request(Request.INVITE, BOB));

            assertThat(bob.log()).containsExactly("bye", "replied INVITE 481");
        }
    }

    @Nested
    class BlindTransfer {
        /** Bob, talking to Alice, transfers her to {@code target}. */
        private FakeEnvironment.Started transferred(String target) {
            FakeEnvironment.Started call = connected();
            FakeLeg bob = env.dialled("1002-1");
            InDialogRequest refer = bob.refer(target);
            call.call().onRefer(bob, refer);
            env.runLane();
            assertThat(refer.answeredWith()).isEqualTo(Response.ACCEPTED);
            return call;
        }

        @Test
        void theTargetAnsweringTakesOverTheTransferee() {
            FakeEnvironment.Started call = transferred("1003");
            assertThat(env.lastShown()).isEqualTo(CallState.TRANSFERRING);
            FakeLeg bob = env.dialled("1002-1");
            FakeLeg carol = env.dialled("1003-1");
            carol.pickUp(CAROL);
            env.runLane();
            call.caller().answerOffer(Response.OK, sdp("alice", 4004));

            assertThat(call.caller().log()).containsExactly("offered carol");
            assertThat(bob.log()).containsExactly("replied REFER 202", "notified SIP/2.0 100 Trying",
                    "notified SIP/2.0 200 OK (last)", "bye");
            assertThat(env.published.get(env.published.size() - 1).connectedTo()).isEqualTo("1003");
            assertThat(env.lastShown()).isEqualTo(CallState.ANSWERED);
            // the transferee and the target now talk: a BYE from one hangs up the other
            call.call().onBye(carol, carol.request(Request.BYE, null));
            assertThat(call.caller().log()).endsWith("bye");
        }

        @Test
        void theCallerTransferringTheCalleeLeavesTheCalleeTalkingToTheTarget() {
            FakeEnvironment.Started call = connected();
            FakeLeg bob = env.dialled("1002-1");
            call.call().onRefer(call.caller(), call.caller().refer("1003"));
            env.runLane();
            env.dialled("1003-1").pickUp(CAROL);
            env.runLane();
            bob.answerOffer(Response.OK, BOB);

            assertThat(call.caller().log()).endsWith("notified SIP/2.0 200 OK (last)", "bye");
            assertThat(env.published.get(env.published.size() - 1).connectedTo()).isEqualTo("1002/1003");
        }

        @Test
        void aBusyTargetLeavesTheTransfereeInTheTargetsMailbox() {
            FakeEnvironment.Started call = transferred("1003");
            env.dialled("1003-1").refuse(Response.BUSY_HERE);
            env.runLane();

            assertJoinedTheApplication(call, "mailbox 1003");
        }

        @Test
        void aTargetWithNoPhoneLeavesTheTransfereeInTheTargetsMailbox() {
            env.user("1004", 0);
            FakeEnvironment.Started call = transferred("1004");

            assertJoinedTheApplication(call, "mailbox 1004");
        }

        @Test
        void aTransferToANumberTheApplianceAnswersLeavesTheTransfereeThere() {
            FakeEnvironment.Started call = transferred("700");

            assertThat(env.dialled()).extracting(FakeLeg::toString).containsExactly("1002-1", "1002-2");
            assertJoinedTheApplication(call, "menu 700");
        }

        @Test
        void aTransfereeThatRefusesTheApplianceKeepsItsCall() {
            FakeEnvironment.Started call = transferred("700");
            env.answering().get(0).joined(Response.NOT_ACCEPTABLE_HERE);

            assertSurvived(call, "notified SIP/2.0 488 Not Acceptable Here (last)");
        }

        @Test
        void withoutVoicemailABusyTargetIsReportedAndBothPartiesKeepTheirCall() {
            tenant(false);
            FakeEnvironment.Started call = transferred("1003");
            env.dialled("1003-1").refuse(Response.BUSY_HERE);
            env.runLane();

            assertSurvived(call, "notified SIP/2.0 486 Busy Here (last)");
        }

        @Test
        void withoutVoicemailATargetThatDoesNotAnswerIsReportedAndBothPartiesKeepTheirCall() {
            tenant(false);
            FakeEnvironment.Started call = transferred("1003");
            env.advance(Duration.ofSeconds(20));

            assertThat(env.dialled("1003-1").log()).containsExactly("cancelled");
            assertSurvived(call, "notified SIP/2.0 480 Temporarily Unavailable (last)");
        }

        @Test
        void withoutVoicemailATargetWithNoPhoneIsReportedAndBothPartiesKeepTheirCall() {
            tenant(false);
            env.user("1004", 0);
            FakeEnvironment.Started call = transferred("1004");

            assertSurvived(call, "notified SIP/2.0 480 Temporarily Unavailable (last)");
        }

        /** The appliance joined the transferee (alice) with {@code app}; bob was told and hung up. */
        private void assertJoinedTheApplication(FakeEnvironment.Started call, String app) {
            FakeLeg joining = env.answering().get(0);
            assertThat(joining.log()).containsExactly("joining " + app);
            joining.joined(Response.OK);

            assertThat(joining.log()).containsExactly("joining " + app, "started " + app);
            assertThat(env.dialled("1002-1").log()).endsWith("notified SIP/2.0 200 OK (last)", "bye");
            assertThat(env.published.get(env.published.size() - 1).connectedTo()).isEqualTo(app);
            assertThat(env.lastShown()).isEqualTo(CallState.ANSWERED);
            // alice now talks to the application: her BYE ends the call, recorded as the application says
            call.call().onBye(call.caller(), call.caller().request(Request.BYE, null));
            assertThat(joining.log()).endsWith("bye");
            assertThat(env.records).singleElement().satisfies(r -> assertThat(r.disposition())
                    .isEqualTo(app.startsWith("mailbox") ? Disposition.VOICEMAIL : Disposition.ANSWERED));
        }

        @Test
        void aTransferorWhoLeftAfterThe202DoesNotTakeTheTransfereeAlong() {
            FakeEnvironment.Started call = transferred("1003");
            FakeLeg bob = env.dialled("1002-1");
            call.call().onBye(bob, bob.request(Request.BYE, null));
            assertThat(call.caller().log()).isEmpty();
            env.dialled("1003-1").pickUp(CAROL);
            env.runLane();
            call.caller().answerOffer(Response.OK, ALICE);

            assertThat(call.caller().log()).containsExactly("offered carol");
            assertThat(env.records).isEmpty();
        }

        @Test
        void anUnknownTargetIsRefusedAtOnce() {
            FakeEnvironment.Started call = connected();
            FakeLeg bob = env.dialled("1002-1");
            InDialogRequest refer = bob.refer("4242");
            call.call().onRefer(bob, refer);

            assertThat(refer.answeredWith()).isEqualTo(Response.NOT_FOUND);
            assertThat(env.lastShown()).isEqualTo(CallState.ANSWERED);
        }

        private void assertSurvived(FakeEnvironment.Started call, String lastNotify) {
            FakeLeg bob = env.dialled("1002-1");
            assertThat(bob.log()).containsExactly("replied REFER 202", "notified SIP/2.0 100 Trying", lastNotify);
            assertThat(call.caller().log()).isEmpty();
            assertThat(env.records).isEmpty();
            assertThat(env.lastShown()).isEqualTo(CallState.ANSWERED);
            // they still talk through the call
            call.call().onReinvite(bob, bob.request(Request.INVITE, BOB));
            assertThat(call.caller().log()).containsExactly("offered bob");
        }
    }

    @Nested
    class ApplicationTransfer {
        /** Alice called menu 700, whose application hands her to {@code extension}. */
        private FakeEnvironment.Started handedTo(String extension) {
            FakeEnvironment.Started call = env.call(alice, "700", ALICE);
            FakeLeg menu = env.answering().get(0);
            assertThat(menu.log()).containsExactly("negotiated", "started menu 700");
            call.call().transferFromApplication(menu, t -> t.toPerson(extension));
            env.runLane();
            return call;
        }

        @Test
        void theCallerIsMovedToThePhoneThatAnswersAndTheApplicationReleased() {
            FakeEnvironment.Started call = handedTo("1003");
            FakeLeg menu = env.answering().get(0);
            assertThat(env.lastShown()).isEqualTo(CallState.TRANSFERRING);
            env.dialled("1003-1").pickUp(CAROL);
            env.runLane();
            call.caller().answerOffer(Response.OK, ALICE);

            assertThat(menu.log()).endsWith("ringback", "released");
            assertThat(call.caller().log()).containsExactly("answered with appliance", "offered carol");
            assertThat(env.lastShown()).isEqualTo(CallState.ANSWERED);
            assertThat(env.published.get(env.published.size() - 1).connectedTo()).isEqualTo("1003");
        }

        @Test
        void theRecordOfACallAMenuHandedOnNamesWhoAnswered() {
            FakeEnvironment.Started call = handedTo("1003");
            env.dialled("1003-1").pickUp(CAROL);
            env.runLane();
            call.caller().answerOffer(Response.OK, ALICE);
            call.call().onBye(call.caller(), call.caller().request(Request.BYE, null));

            assertThat(env.records).singleElement().satisfies(r -> {
                assertThat(r.callee()).isEqualTo("700");
                assertThat(r.answeredBy()).isEqualTo("1003");
                assertThat(r.disposition()).isEqualTo(Disposition.ANSWERED);
            });
        }

        @Test
        void aTargetThatDoesNotAnswerGivesTheCallerBackToTheApplication() {
            FakeEnvironment.Started call = handedTo("1003");
            env.advance(Duration.ofSeconds(20));

            FakeLeg menu = env.answering().get(0);
            assertThat(menu.log()).endsWith("ringback", "transfer to 1003 failed: NO_ANSWER, instead mailbox 1003");
            assertThat(env.dialled("1003-1").log()).containsExactly("cancelled");
            assertThat(menu.ended()).isFalse();
            assertThat(env.lastShown()).isEqualTo(CallState.ANSWERED);
            assertThat(call.caller().log()).containsExactly("answered with appliance");
        }

        @Test
        void aBusyTargetGivesTheCallerBackWithTheBusyReason() {
            handedTo("1003");
            env.dialled("1003-1").refuse(Response.BUSY_HERE);
            env.runLane();

            assertThat(env.answering().get(0).log()).endsWith("transfer to 1003 failed: BUSY, instead mailbox 1003");
        }

        @Test
        void aTargetThatRefusesTheMoveHangsBothUp() {
            FakeEnvironment.Started call = handedTo("1003");
            env.dialled("1003-1").pickUp(CAROL);
            env.runLane();
            call.caller().answerOffer(Response.NOT_ACCEPTABLE_HERE, null);

            assertThat(env.dialled("1003-1").log()).containsExactly("bye");
            assertThat(call.caller().log()).endsWith("bye");
            assertThat(env.records).singleElement().satisfies(r -> assertThat(r.hungUpBy())
                    .isEqualTo(HangupParty.SYSTEM));
        }

        @Test
        void theCallerHangingUpWhileTheTargetRingsCancelsIt() {
            FakeEnvironment.Started call = handedTo("1003");
            call.call().onBye(call.caller(), call.caller().request(Request.BYE, null));

            assertThat(env.answering().get(0).log()).endsWith("bye");
            assertThat(env.dialled("1003-1").log()).containsExactly("cancelled");
            assertThat(env.records).singleElement().satisfies(r -> assertThat(r.hungUpBy())
                    .isEqualTo(HangupParty.CALLER));
        }
    }
}
