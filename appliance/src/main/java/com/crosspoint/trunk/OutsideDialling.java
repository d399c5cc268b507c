package com.crosspoint.trunk;

import com.crosspoint.model.User;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a number a user dialled leaves the PBX, and how: an emergency number always (first, whatever else the
 * number might be); a public number when the barring rules allow it, the node has somewhere to send it and the
 * user has a caller ID to present (nobody calls out with a number they do not own).
 */
public final class OutsideDialling {
    /** What became of a dialled number. */
    public sealed interface Decision {
    }

    /** It leaves the PBX. */
    public record Leaves(OutsideCall call) implements Decision {
    }

    /** It is an outside number that may not be called from here, for {@code why}. */
    public record Refused(Why why, String detail) implements Decision {
    }

    /** It is no outside number: the dial plan goes on (an extension, or nothing). */
    public record NotOutside() implements Decision {
    }

    /** Why an outside number is refused. */
    public enum Why {
        /** Premium or international, or another barred prefix. */
        BARRED,
        /** Neither the user nor the tenant owns a DID to present. */
        NO_CALLER_ID,
        /** The node has no call router or gateway. */
        NO_TRUNK
    }

    private final OutsidePolicy policy;
    private final CallerIds callerIds;
    private final boolean trunked;

    /**
     * @param trunked whether any call router or gateway is configured; without one no public number is reachable
     *                (emergency numbers are still tried: the refusal then comes from having nowhere to send them)
     */
    public OutsideDialling(OutsidePolicy policy, CallerIds callerIds, boolean trunked) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.callerIds = Objects.requireNonNull(callerIds, "callerIds");
        this.trunked = trunked;
    }

    /** Only emergency numbers: checked before anything else the dial plan knows. */
    public Decision emergency(User caller, String dialled) {
        ExternalNumber number = policy.classify(dialled);
        if (number instanceof ExternalNumber.Emergency e) {
            return new Leaves(new OutsideCall(e.dialled(), true, callerIds.of(caller)));
        }
        return new NotOutside();
    }

    /** Every other outside number: asked when the number is no extension, service or room of the tenant. */
    public Decision outside(User caller, String dialled) {
        ExternalNumber number = policy.classify(dialled);
        if (number instanceof ExternalNumber.Emergency e) {
            return new Leaves(new OutsideCall(e.dialled(), true, callerIds.of(caller)));
        }
        if (number instanceof ExternalNumber.Barred b) {
            return new Refused(Why.BARRED, b.e164() + ": " + b.why());
        }
        if (number instanceof ExternalNumber.Public p) {
            return publicCall(caller, p.e164());
        }
        return new NotOutside();
    }

    private Decision publicCall(User caller, String e164) {
        if (!trunked) {
            return new Refused(Why.NO_TRUNK, "no call router or gateway is configured");
        }
        Optional<String> callerId = callerIds.of(caller);
        if (callerId.isEmpty()) {
            return new Refused(Why.NO_CALLER_ID, "neither " + caller.extension() + " nor the tenant owns a DID to present");
        }
        return new Leaves(new OutsideCall(e164, false, callerId));
    }
}
