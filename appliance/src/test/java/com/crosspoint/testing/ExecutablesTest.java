package com.crosspoint.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ExecutablesTest {

    @Test
    void findsABinaryOnThePath() {
        assertThat(Executables.find("sh")).isPresent();
    }

    @Test
    void aMissingBinarySkipsTheTestWithAClearMessage() {
        assertThat(Executables.find("no-such-sip-peer-xyz")).isEmpty();
        assertThatThrownBy(() -> Executables.assumeInstalled("sh", "no-such-sip-peer-xyz"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("'no-such-sip-peer-xyz' is not installed");
    }
}
