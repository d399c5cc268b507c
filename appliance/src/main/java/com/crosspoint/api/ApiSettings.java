package com.crosspoint.api;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits of the API.
 *
 * @param maxBodyBytes        larger request bodies get 413
 * @param loginTtl            a token lapses after this long unused
 * @param loginFailureLimit   failed logins from one address within {@code loginFailureWindow}
 *                            that block it; one more is refused with 429
 * @param loginBlock          how long such an address is refused
 * @param eventQueueFrames    frames an event-stream client may fall behind before it is
 *                            disconnected (it reconnects and gets a fresh snapshot)
 * @param eventPingInterval   keep-alive ping on quiet event streams
 * @param maxStreamsPerLogin  event-stream WebSockets one login may hold open; the next gets 429
 * @param http                connections, idle time and request-body pace a client may take
 * @param accountBudget       failed logins per account, whatever the address
 * @param loginsFile          where logins are kept across restarts (in the data directory); null: in memory only
 * @param uploadDir           where uploads (rate decks) are spooled while they arrive; null: the system's temp folder
 * @param metricsToken        bearer token that may read /metrics without a login; null: logins only
 */
public record ApiSettings(int maxBodyBytes, Duration loginTtl, int loginFailureLimit, Duration loginFailureWindow,
                          Duration loginBlock, int eventQueueFrames, Duration eventPingInterval,
                          int maxStreamsPerLogin, HttpLimits http, AccountBudget accountBudget, Path loginsFile,
                          Path uploadDir, String metricsToken) {

    /**
     * @param failureLimit failed logins of one account (from any address) within {@code window}; one more backs off
     * @param backOff      the first back-off; each one that follows before the account was quiet doubles it
     * @param maxBackOff   the longest back-off
     */
    public record AccountBudget(int failureLimit, Duration window, Duration backOff, Duration maxBackOff) {
    }

    public static ApiSettings defaults() {
        return new ApiSettings(64 * 1024, Duration.ofHours(8), 5, Duration.ofMinutes(5), Duration.ofMinutes(5),
                1000, Duration.ofSeconds(30), 8, HttpLimits.defaults(),
                new AccountBudget(10, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(15)), null,
                null, null);
    }

    public ApiSettings withLoginFailureLimit(int limit) {
        return new ApiSettings(maxBodyBytes, loginTtl, limit, loginFailureWindow, loginBlock, eventQueueFrames,
                eventPingInterval, maxStreamsPerLogin, http, accountBudget, loginsFile, uploadDir, metricsToken);
    }

    public ApiSettings withHttp(HttpLimits limits, int streamsPerLogin) {
        return new ApiSettings(maxBodyBytes, loginTtl, loginFailureLimit, loginFailureWindow, loginBlock,
                eventQueueFrames, eventPingInterval, streamsPerLogin, limits, accountBudget, loginsFile, uploadDir, metricsToken);
    }

    public ApiSettings withAccountBudget(AccountBudget budget) {
        return new ApiSettings(maxBodyBytes, loginTtl, loginFailureLimit, loginFailureWindow, loginBlock,
                eventQueueFrames, eventPingInterval, maxStreamsPerLogin, http, budget, loginsFile, uploadDir, metricsToken);
    }

    public ApiSettings withLoginsFile(Path file) {
        return new ApiSettings(maxBodyBytes, loginTtl, loginFailureLimit, loginFailureWindow, loginBlock,
                eventQueueFrames, eventPingInterval, maxStreamsPerLogin, http, accountBudget, file, uploadDir, metricsToken);
    }

    public ApiSettings withUploadDir(Path dir) {
        return new ApiSettings(maxBodyBytes, loginTtl, loginFailureLimit, loginFailureWindow, loginBlock,
                eventQueueFrames, eventPingInterval, maxStreamsPerLogin, http, accountBudget, loginsFile, dir, metricsToken);
    }

    public ApiSettings withMetricsToken(String token) {
        return new ApiSettings(maxBodyBytes, loginTtl, loginFailureLimit, loginFailureWindow, loginBlock,
                eventQueueFrames, eventPingInterval, maxStreamsPerLogin, http, accountBudget, loginsFile, uploadDir,
                token);
    }
}
