package com.crosspoint.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.model.CallSettings;
import org.junit.jupiter.api.Test;

class ForwardingPolicyTest {
    private final CallSettings all = new CallSettings("2000", "2001", "2002", 15, false);

    @Test
    void eachFailureHasItsTarget() {
        assertThat(ForwardingPolicy.always(all)).contains("2000");
        assertThat(ForwardingPolicy.onFailure(all, Reason.BUSY)).contains("2001");
        assertThat(ForwardingPolicy.onFailure(all, Reason.NO_ANSWER)).contains("2002");
    }

    @Test
    void anUnreachableUserIsTreatedLikeNoAnswer() {
        assertThat(ForwardingPolicy.onFailure(all, Reason.UNAVAILABLE)).contains("2002");
    }

    @Test
    void blankTargetsMeanNoForwarding() {
        CallSettings none = new CallSettings(" ", null, "", 20, false);
        assertThat(ForwardingPolicy.always(none)).isEmpty();
        assertThat(ForwardingPolicy.onFailure(none, Reason.BUSY)).isEmpty();
        assertThat(ForwardingPolicy.onFailure(none, Reason.NO_ANSWER)).isEmpty();
    }
}
