package com.crosspoint.relay.turn;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RestCredentialsTest {
    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final RestCredentials rest = new RestCredentials("s3cret".getBytes(StandardCharsets.UTF_8),
            Duration.ofHours(1), clock);

    @Test
    void issuesExpiryColonIdentityWithTheHmacAsPassword() throws Exception {
        RestCredentials.Issued issued = rest.issue("1001@example.org");

        assertThat(issued.username()).isEqualTo((clock.instant().getEpochSecond() + 3600) + ":1001@example.org");
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        assertThat(issued.password()).isEqualTo(Base64.getEncoder()
                .encodeToString(mac.doFinal(issued.username().getBytes(StandardCharsets.UTF_8))));
        assertThat(issued.toString()).doesNotContain(issued.password());
        assertThat(rest.identityOf(issued.username())).contains("1001@example.org");
    }

    @Test
    void expiredAndMalformedUsernamesNameNobody() {
        String username = rest.issue("1001@example.org").username();
        clock.advance(Duration.ofHours(1));

        assertThat(rest.identityOf(username)).isEmpty();
        assertThat(RestCredentials.looksEphemeral("1001")).isFalse();
        assertThat(RestCredentials.looksEphemeral(":x")).isFalse();
        assertThat(RestCredentials.looksEphemeral("12a:x")).isFalse();
        assertThat(RestCredentials.looksEphemeral("1234567890123:x")).as("too many digits").isFalse();
        assertThat(RestCredentials.looksEphemeral("123:")).isFalse();
    }
}
