package com.crosspoint.api;

import com.crosspoint.api.dto.MediaStatusDto;
import com.crosspoint.media.engine.MediaEngine;
import com.crosspoint.media.engine.SlipHistogram;

/**
 * {@code GET /api/v1/media} (a login that sees every tenant): read-only counters of the node's media engine, for
 * monitoring and for the voicemail benchmark (docs/benchmarks.md).
 */
final class MediaStatusHandler implements RouteGroup {
    private final MediaEngine media;

    MediaStatusHandler(MediaEngine media) {
        this.media = media;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/media", Access.LOGIN, this::status);
    }

    private Reply status(ApiRequest rq) {
        if (!rq.principal().global()) {
            throw ApiException.forbidden("needs a login that sees every tenant");
        }
        if (media == null) {
            throw ApiException.notFound("no media engine on this node");
        }
        MediaEngine.Totals t = media.totals();
        SlipHistogram slip = media.pacing().slip();
        return Reply.ok(new MediaStatusDto(t.sessionsOpen(), t.sessionsOpened(), t.framesDue(), t.rtpSent(),
                t.sendFailures(), t.rtpReceived(), t.packetsLost(), slip.count(), slip.percentileMicros(0.5),
                slip.percentileMicros(0.99), slip.maxMicros(), slip.buckets(), media.tickErrors(),
                media.pacing().failures()));
    }
}
