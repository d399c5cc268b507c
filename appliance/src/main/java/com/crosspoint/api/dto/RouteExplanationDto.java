package com.crosspoint.api.dto;

import com.crosspoint.acr.policy.CandidateAssessment;
import com.crosspoint.acr.policy.FloorCheck;
import com.crosspoint.acr.policy.RouteDecision;
import com.crosspoint.acr.policy.ScoreParts;
import com.crosspoint.acr.rate.RateMatch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /routes/explain}: every carrier for a number, the ranked ones first (best first), then the excluded
 * ones with the floor they failed.
 *
 * @param number the E.164 digits routed on, without '+'
 * @param date   the UTC day whose rates apply
 */
public record RouteExplanationDto(String number, LocalDate date, List<Candidate> candidates) {

    /**
     * One carrier's line.
     *
     * @param rank         1 for the first carrier to try; 0 when excluded
     * @param availability the breaker as seen for this call: CLOSED, OPEN, TRIAL, TRIAL_UNDER_WAY
     * @param rate         null when its deck has no rate for the number
     */
    public record Candidate(long carrierId, String carrier, int rank, boolean excluded, String availability, Rate rate,
                            Score score, QualityDto quality, List<Floor> floors) {
    }

    /** @param ratePerMinute in the decks' currency, exact (up to 6 decimals) */
    public record Rate(String prefix, String destination, BigDecimal ratePerMinute, String increment,
                       LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }

    /** Each part 0-1; {@code total} weighs them by the routing policy. */
    public record Score(double price, double quality, boolean qualityNeutral, double availability, double total) {
    }

    /** One hard condition: what was checked, whether it held, and the figures compared. */
    public record Floor(String floor, boolean passed, String detail) {
    }

    public static RouteExplanationDto of(RouteDecision d) {
        return new RouteExplanationDto(d.number(), d.date(), d.candidates().stream().map(RouteExplanationDto::line)
                .toList());
    }

    private static Candidate line(CandidateAssessment a) {
        ScoreParts s = a.score();
        return new Candidate(a.carrier().id(), a.carrier().name(), a.rank(), a.excluded(), a.availability().name(),
                rate(a.rate()), new Score(s.price(), s.quality(), s.qualityNeutral(), s.availability(), s.total()),
                QualityDto.of(a.figures()), a.floors().stream().map(RouteExplanationDto::floor).toList());
    }

    private static Rate rate(RateMatch r) {
        return r == null ? null : new Rate(r.prefix(), r.destination(), money(r.ratePerMinuteMicros()),
                r.increment().toString(), r.effectiveFrom(), r.effectiveUntil());
    }

    private static Floor floor(FloorCheck f) {
        return new Floor(f.floor(), f.passed(), f.detail());
    }

    /** Micro-units as an exact decimal with trailing zeros dropped (12500 → 0.0125). */
    public static BigDecimal money(long micros) {
        BigDecimal value = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
